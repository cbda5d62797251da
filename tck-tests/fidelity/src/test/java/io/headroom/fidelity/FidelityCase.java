package io.headroom.fidelity;

import java.util.List;
import java.util.Objects;

/**
 * One generated tool output: what the agent's tool returned, the user's question that came before it, and the
 * needles (exact substrings) the model needs from it, which must survive compression.
 *
 * @param name       unique within its kind, e.g. {@code csv_900_failed_payment}
 * @param kind       the content family the case exercises (table, xml, yaml, diff, ...)
 * @param toolName   the tool's name as the model called it
 * @param toolOutput the whole output, as the tool returned it
 * @param question   the latest user message (its terms drive query matching)
 * @param needles    substrings that must still be in the compressed tool output
 * @param minSavings the fraction of request tokens the case must save (0 for no target)
 */
public record FidelityCase(String name, String kind, String toolName, String toolOutput, String question,
                           List<String> needles, double minSavings) {
    public FidelityCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toolOutput, "toolOutput");
        needles = List.copyOf(needles);
        if (minSavings < 0 || minSavings >= 1) throw new IllegalArgumentException("minSavings in [0,1): " + minSavings);
    }
}
