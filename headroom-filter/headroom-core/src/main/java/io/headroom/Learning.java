package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Read and reset access to what Headroom learned from the model's retrievals (TOIN), for the operator
 * endpoints ({@code /v1/feedback*}, {@code /v1/toin/*}, {@code /v1/telemetry*}) and the hosts' stats. Obtained
 * from {@link Headroom#learning()}; thread-safe. With {@code learning.enabled=false} it is {@link #OFF}: empty
 * and inert.
 */
public interface Learning {

    /** Learning switched off: nothing recorded, nothing learned, reset and import do nothing. */
    Learning OFF = new Learning() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public LearningStats stats() {
            return LearningStats.EMPTY;
        }

        @Override
        public List<LearnedPattern> patterns() {
            return List.of();
        }

        @Override
        public void reset() {
        }

        @Override
        public JsonNode exportState() {
            com.fasterxml.jackson.databind.node.ObjectNode state =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("version", 1);
            state.putObject("patterns");
            return state;
        }

        @Override
        public void importState(JsonNode state) {
        }
    };

    boolean enabled();

    /** Totals over every signature, and the feedback counters. */
    LearningStats stats();

    /** Every learned pattern, most observed first. */
    List<LearnedPattern> patterns();

    /** The first pattern (most observed first) whose signature hash starts with {@code prefix} (case-insensitive). */
    default Optional<LearnedPattern> pattern(String hashPrefix) {
        if (hashPrefix == null || hashPrefix.isBlank()) {
            return Optional.empty();
        }
        String p = hashPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        return patterns().stream().filter(x -> x.signatureHash().startsWith(p)).findFirst();
    }

    /** The patterns of one tool (a tool whose output comes in several shapes has one per shape). */
    default List<LearnedPattern> patternsForTool(String toolName) {
        return patterns().stream().filter(x -> java.util.Objects.equals(x.toolName(), toolName)).toList();
    }

    /** Forgets everything learned (and the saved state); counters restart at 0. */
    void reset();

    /**
     * The learned state as JSON ({@code {"version":1,"patterns":{hash: pattern}}}), e.g. for
     * {@code /v1/telemetry/export} or to seed another instance.
     */
    JsonNode exportState();

    /**
     * Merges an {@link #exportState()} document into what is learned: counts of a known signature add up, an
     * unknown one is added (within {@code learning.toin.max-signatures}).
     *
     * @throws HeadroomException validation_error for a document that is not such an export
     */
    void importState(JsonNode state);
}
