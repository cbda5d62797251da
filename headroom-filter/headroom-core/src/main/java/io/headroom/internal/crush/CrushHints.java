package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was learned about one tool signature, as SmartCrusher applies it: items holding a value the model
 * usually retrieves are kept (extra mandatory items, on top of the budget), and the budget is scaled (more
 * items for signatures often retrieved in full, fewer for never-retrieved ones). Null hints — the cold start —
 * leave the selection exactly as it is without learning.
 *
 * @param budgetScale     multiplies the item budget K (1 = unchanged)
 * @param preservedValues field name to the values that mark an item to keep
 * @param onApplied       told once per compression the hints changed (for the hint-application counter)
 */
public record CrushHints(double budgetScale, Map<String, Set<String>> preservedValues, Runnable onApplied) {

    /**
     * A learned value that matches more than this share of an output's items does not single anything out
     * (a value every item has): it is ignored for that output, so a hint can never keep the whole array.
     */
    static final double MAX_MATCH_SHARE = 0.10;

    public CrushHints {
        preservedValues = Map.copyOf(preservedValues);
    }

    /** The items holding a preserved value, per value ignoring those that match too many items. */
    BitSet matching(List<JsonNode> items) {
        BitSet out = new BitSet(items.size());
        int limit = Math.max(1, (int) Math.floor(MAX_MATCH_SHARE * items.size()));
        for (Map.Entry<String, Set<String>> e : preservedValues.entrySet()) {
            for (String value : e.getValue()) {
                BitSet hits = new BitSet(items.size());
                for (int i = 0; i < items.size(); i++) {
                    JsonNode v = items.get(i).get(e.getKey());
                    if (v != null && v.isValueNode() && value.equals(v.asText())) {
                        hits.set(i);
                    }
                }
                if (hits.cardinality() <= limit) {
                    out.or(hits);
                }
            }
        }
        return out;
    }

    /** Provides the hints for one tool output, or null (no confident pattern: compress as without learning). */
    @FunctionalInterface
    public interface Source {
        Source NONE = (tool, content) -> null;

        CrushHints hintsFor(String toolName, String content);
    }
}
