package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.CrusherConfig;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * SmartCrusher's item selection for content that is not a JSON array but has rows or items all the same:
 * tables in text, repeated XML elements, YAML sequences. The caller turns each row into a JSON object (column
 * name to cell) and gets back which rows to keep, chosen by exactly the rules JSON arrays get (first and last
 * rows, errors, per-field numeric outliers, rare values, change points, query matches), so that every content
 * type keeps the same needles. Thread-safe.
 */
public final class RowSelector {
    private final ItemSelector selector;

    public RowSelector(CrusherConfig config) {
        Objects.requireNonNull(config, "config");
        this.selector = new ItemSelector(config.maxItemsAfterCrush(), config.keepFirst(), config.keepLast(),
                config.relevanceThreshold(), config.preserveErrors(), config.anomalyStdThreshold());
    }

    /** Kept rows and how the selection was sized. */
    public record Kept(BitSet rows, int budget, int errorsTotal, int errorsKept) {
    }

    /**
     * @param rows  one JSON value per row (objects: field name to value), in document order
     * @param query the latest user question, or null
     * @return the indexes of the rows to keep, ascending
     */
    public Kept select(List<JsonNode> rows, String query) {
        ItemSelector.Selection s = selector.select(rows, query);
        return new Kept(s.kept(), s.budget(), s.errorsTotal(), s.errorsKept());
    }

    /** The most rows an ordinary selection keeps (max-items-after-crush); errors and anomalies come on top. */
    public int maxRows() {
        return selector.maxItems();
    }
}
