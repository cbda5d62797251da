package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token usage a provider reported for one answer. Both sides are -1 until seen; values only grow
 * (Anthropic streams input tokens in {@code message_start} and cumulative output tokens in every
 * {@code message_delta}).
 */
final class ReportedUsage {
    private long input = -1;
    private long output = -1;

    long input() {
        return input;
    }

    long output() {
        return output;
    }

    boolean seen() {
        return input >= 0 || output >= 0;
    }

    /**
     * Reads the usage object of one answer or event wherever the three APIs put it: top level
     * ({@code usage}: OpenAI chat and chat chunks, Anthropic messages and message_delta), under
     * {@code message} (Anthropic message_start) or under {@code response} (Responses events).
     */
    void readFrom(JsonNode answer) {
        for (JsonNode usage : new JsonNode[] {answer.get("usage"), answer.path("message").get("usage"),
                answer.path("response").get("usage")}) {
            if (usage != null && usage.isObject()) {
                long in = count(usage, "prompt_tokens") + count(usage, "input_tokens")
                        + count(usage, "cache_creation_input_tokens") + count(usage, "cache_read_input_tokens");
                long out = count(usage, "completion_tokens") + count(usage, "output_tokens");
                if (has(usage, "prompt_tokens", "input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")) {
                    input = Math.max(input, in);
                }
                if (has(usage, "completion_tokens", "output_tokens")) {
                    output = Math.max(output, out);
                }
            }
        }
    }

    private static long count(JsonNode usage, String field) {
        JsonNode v = usage.get(field);
        return v != null && v.canConvertToLong() && v.asLong() > 0 ? v.asLong() : 0;
    }

    private static boolean has(JsonNode usage, String... fields) {
        for (String f : fields) {
            JsonNode v = usage.get(f);
            if (v != null && v.isNumber()) {
                return true;
            }
        }
        return false;
    }
}
