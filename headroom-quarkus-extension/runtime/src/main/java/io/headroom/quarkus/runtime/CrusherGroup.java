package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Compression of tool outputs ({@code io.headroom.CrusherConfig}); its keys sit directly under
 * {@code quarkus.headroom}. Unset keys take the core's defaults.
 */
public interface CrusherGroup {

    /** Tool outputs smaller than this many tokens are never compressed. */
    @ConfigDocDefault("200")
    OptionalInt minTokensToCrush();

    /** JSON arrays with fewer items than this are left alone. */
    @ConfigDocDefault("5")
    OptionalInt minItemsToAnalyze();

    /** Upper bound on the number of items a compressed JSON array keeps. */
    @ConfigDocDefault("15")
    OptionalInt maxItemsAfterCrush();

    /** Number of leading array items that are always kept. */
    @ConfigDocDefault("3")
    OptionalInt keepFirst();

    /** Number of trailing array items that are always kept. */
    @ConfigDocDefault("2")
    OptionalInt keepLast();

    /** Minimum normalised BM25 score (0 to 1) for an item to be kept as relevant to the user's question. */
    @ConfigDocDefault("0.3")
    OptionalDouble relevanceThreshold();

    /** Numeric values further than this many standard deviations from the mean are kept as anomalies. */
    @ConfigDocDefault("2.0")
    OptionalDouble anomalyStdThreshold();

    /** Whether items that look like errors (error fields, ERROR/FATAL levels, failure statuses) are always kept. */
    @ConfigDocDefault("true")
    Optional<Boolean> preserveErrors();

    /**
     * Whether the rows kept from uniform JSON object arrays are rendered as one column list plus value
     * rows instead of repeating every key in every row.
     */
    @ConfigDocDefault("false")
    Optional<Boolean> compactRows();

    /**
     * Per-tool settings, keyed by the tool (function) name as the model calls it, e.g.
     * {@code quarkus.headroom.tool-profiles.search_logs.skip-compression=true}. Quote names that contain
     * dots: {@code quarkus.headroom.tool-profiles."db.query".max-items-after-crush=30}.
     */
    @ConfigDocMapKey("tool-name")
    Map<String, ToolProfileGroup> toolProfiles();

    /** Settings of one tool ({@code io.headroom.ToolProfile}). */
    interface ToolProfileGroup {

        /** Whether this tool's output is never compressed. */
        @ConfigDocDefault("false")
        Optional<Boolean> skipCompression();

        /** This tool's own upper bound on the items a compressed array keeps; unset uses the global one. */
        OptionalInt maxItemsAfterCrush();
    }
}
