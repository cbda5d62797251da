package io.headroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How tool outputs are compressed: the size threshold every compressor shares and the SmartCrusher's
 * item selection for JSON arrays, plus per-tool profiles. Immutable; built by {@link #builder()}, whose
 * setters refuse an invalid value at once with an {@link InvalidConfigException} naming the option.
 */
public final class CrusherConfig {
    public static final String MIN_TOKENS_TO_CRUSH = "min-tokens-to-crush";
    public static final String MIN_ITEMS_TO_ANALYZE = "min-items-to-analyze";
    public static final String MAX_ITEMS_AFTER_CRUSH = "max-items-after-crush";
    public static final String KEEP_FIRST = "keep-first";
    public static final String KEEP_LAST = "keep-last";
    public static final String RELEVANCE_THRESHOLD = "relevance-threshold";
    public static final String ANOMALY_STD_THRESHOLD = "anomaly-std-threshold";
    public static final String PRESERVE_ERRORS = "preserve-errors";
    public static final String COMPACT_ROWS = "compact-rows";
    /**
     * Comma-separated tool names that have a profile; each then reads
     * {@code tool-profiles.<tool>.skip-compression} and {@code tool-profiles.<tool>.max-items-after-crush}.
     * {@link #fromMap} finds the names from the keys.
     */
    public static final String TOOL_PROFILES = "tool-profiles";

    public static final int DEFAULT_MIN_TOKENS_TO_CRUSH = 200;
    public static final int DEFAULT_MIN_ITEMS_TO_ANALYZE = 5;
    public static final int DEFAULT_MAX_ITEMS_AFTER_CRUSH = 15;
    public static final int DEFAULT_KEEP_FIRST = 3;
    public static final int DEFAULT_KEEP_LAST = 2;
    public static final double DEFAULT_RELEVANCE_THRESHOLD = 0.3;
    public static final double DEFAULT_ANOMALY_STD_THRESHOLD = 2.0;
    public static final boolean DEFAULT_PRESERVE_ERRORS = true;
    public static final boolean DEFAULT_COMPACT_ROWS = false;

    private static final PropertyTable<CrusherConfig, Builder> PROPERTIES = new PropertyTable<CrusherConfig, Builder>()
            .integer(MIN_TOKENS_TO_CRUSH, DEFAULT_MIN_TOKENS_TO_CRUSH,
                    "Tool outputs smaller than this many tokens are never compressed.",
                    Builder::minTokensToCrush, CrusherConfig::minTokensToCrush)
            .integer(MIN_ITEMS_TO_ANALYZE, DEFAULT_MIN_ITEMS_TO_ANALYZE,
                    "JSON arrays with fewer items than this are left alone.",
                    Builder::minItemsToAnalyze, CrusherConfig::minItemsToAnalyze)
            .integer(MAX_ITEMS_AFTER_CRUSH, DEFAULT_MAX_ITEMS_AFTER_CRUSH,
                    "Upper bound on the number of items a compressed JSON array keeps.",
                    Builder::maxItemsAfterCrush, CrusherConfig::maxItemsAfterCrush)
            .integer(KEEP_FIRST, DEFAULT_KEEP_FIRST, "Number of leading array items that are always kept.",
                    Builder::keepFirst, CrusherConfig::keepFirst)
            .integer(KEEP_LAST, DEFAULT_KEEP_LAST, "Number of trailing array items that are always kept.",
                    Builder::keepLast, CrusherConfig::keepLast)
            .decimal(RELEVANCE_THRESHOLD, DEFAULT_RELEVANCE_THRESHOLD,
                    "Minimum normalised BM25 score (0 to 1) for an item to be kept as relevant to the user's question.",
                    Builder::relevanceThreshold, CrusherConfig::relevanceThreshold)
            .decimal(ANOMALY_STD_THRESHOLD, DEFAULT_ANOMALY_STD_THRESHOLD,
                    "Numeric values further than this many standard deviations from the mean are kept as anomalies.",
                    Builder::anomalyStdThreshold, CrusherConfig::anomalyStdThreshold)
            .bool(PRESERVE_ERRORS, DEFAULT_PRESERVE_ERRORS,
                    "Whether items that look like errors (error fields, ERROR/FATAL levels, failure statuses) are always kept.",
                    Builder::preserveErrors, CrusherConfig::preserveErrors)
            .bool(COMPACT_ROWS, DEFAULT_COMPACT_ROWS,
                    "Whether rows kept from uniform object arrays are rendered as one column list plus value rows.",
                    Builder::compactRows, CrusherConfig::compactRows);

    /** Every option of this slice, tool profiles last (their keys name the tool: {@code <tool>}). */
    public static final List<ConfigOption> OPTIONS = withToolProfileOptions(PROPERTIES.options());

    private static final CrusherConfig DEFAULTS = builder().build();

    private final int minTokensToCrush;
    private final int minItemsToAnalyze;
    private final int maxItemsAfterCrush;
    private final int keepFirst;
    private final int keepLast;
    private final double relevanceThreshold;
    private final double anomalyStdThreshold;
    private final boolean preserveErrors;
    private final boolean compactRows;
    private final Map<String, ToolProfile> toolProfiles;

    private CrusherConfig(Builder b) {
        this.minTokensToCrush = b.minTokensToCrush;
        this.minItemsToAnalyze = b.minItemsToAnalyze;
        this.maxItemsAfterCrush = b.maxItemsAfterCrush;
        this.keepFirst = b.keepFirst;
        this.keepLast = b.keepLast;
        this.relevanceThreshold = b.relevanceThreshold;
        this.anomalyStdThreshold = b.anomalyStdThreshold;
        this.preserveErrors = b.preserveErrors;
        this.compactRows = b.compactRows;
        this.toolProfiles = Map.copyOf(b.toolProfiles);
    }

    public static CrusherConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static CrusherConfig fromProperties(Function<String, String> lookup) {
        Builder b = PROPERTIES.read(lookup, builder());
        String tools = PropertyTable.value(lookup, TOOL_PROFILES);
        if (tools != null) {
            for (String tool : tools.split(",")) {
                if (!tool.isBlank()) {
                    b.toolProfile(tool.trim(), readToolProfile(lookup, tool.trim()));
                }
            }
        }
        return b.build();
    }

    /** As {@link #fromProperties}; tool profiles need not be listed under {@link #TOOL_PROFILES}. */
    public static CrusherConfig fromMap(Map<String, String> properties) {
        return fromProperties(listingToolProfiles(properties));
    }

    /** The property name of a tool profile's option, e.g. {@code tool-profiles.search_logs.skip-compression}. */
    public static String toolProfileProperty(String tool, String option) {
        return TOOL_PROFILES + "." + tool + "." + option;
    }

    public int minTokensToCrush() { return minTokensToCrush; }
    public int minItemsToAnalyze() { return minItemsToAnalyze; }
    public int maxItemsAfterCrush() { return maxItemsAfterCrush; }
    public int keepFirst() { return keepFirst; }
    public int keepLast() { return keepLast; }
    public double relevanceThreshold() { return relevanceThreshold; }
    public double anomalyStdThreshold() { return anomalyStdThreshold; }
    public boolean preserveErrors() { return preserveErrors; }
    /** Rows kept from uniform object arrays are rendered as columns + value rows (off by default). */
    public boolean compactRows() { return compactRows; }

    /** The profile of a tool, if one is configured. */
    public Optional<ToolProfile> toolProfile(String toolName) {
        return toolName == null ? Optional.empty() : Optional.ofNullable(toolProfiles.get(toolName));
    }

    /** All tool profiles by tool name (unmodifiable). */
    public Map<String, ToolProfile> toolProfiles() { return toolProfiles; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.minTokensToCrush = minTokensToCrush;
        b.minItemsToAnalyze = minItemsToAnalyze;
        b.maxItemsAfterCrush = maxItemsAfterCrush;
        b.keepFirst = keepFirst;
        b.keepLast = keepLast;
        b.relevanceThreshold = relevanceThreshold;
        b.anomalyStdThreshold = anomalyStdThreshold;
        b.preserveErrors = preserveErrors;
        b.compactRows = compactRows;
        b.toolProfiles.putAll(toolProfiles);
        return b;
    }

    /** Every option as a property, tool profiles included (sorted by tool): {@link #fromMap} reads it back. */
    public Map<String, String> toProperties() {
        Map<String, String> out = PROPERTIES.write(this);
        List<String> tools = toolProfiles.keySet().stream().sorted().toList();
        if (!tools.isEmpty()) {
            out.put(TOOL_PROFILES, String.join(",", tools));
        }
        for (String tool : tools) {
            ToolProfile p = toolProfiles.get(tool);
            out.put(toolProfileProperty(tool, ToolProfile.SKIP_COMPRESSION), String.valueOf(p.skipCompression()));
            p.maxItemsAfterCrush().ifPresent(max ->
                    out.put(toolProfileProperty(tool, ToolProfile.MAX_ITEMS_AFTER_CRUSH), String.valueOf(max)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrusherConfig c && minTokensToCrush == c.minTokensToCrush
                && minItemsToAnalyze == c.minItemsToAnalyze && maxItemsAfterCrush == c.maxItemsAfterCrush
                && keepFirst == c.keepFirst && keepLast == c.keepLast
                && Double.compare(relevanceThreshold, c.relevanceThreshold) == 0
                && Double.compare(anomalyStdThreshold, c.anomalyStdThreshold) == 0
                && preserveErrors == c.preserveErrors && compactRows == c.compactRows
                && toolProfiles.equals(c.toolProfiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minTokensToCrush, minItemsToAnalyze, maxItemsAfterCrush, keepFirst, keepLast,
                relevanceThreshold, anomalyStdThreshold, preserveErrors, compactRows, toolProfiles);
    }

    @Override
    public String toString() {
        return "CrusherConfig" + toProperties();
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private int minTokensToCrush = DEFAULT_MIN_TOKENS_TO_CRUSH;
        private int minItemsToAnalyze = DEFAULT_MIN_ITEMS_TO_ANALYZE;
        private int maxItemsAfterCrush = DEFAULT_MAX_ITEMS_AFTER_CRUSH;
        private int keepFirst = DEFAULT_KEEP_FIRST;
        private int keepLast = DEFAULT_KEEP_LAST;
        private double relevanceThreshold = DEFAULT_RELEVANCE_THRESHOLD;
        private double anomalyStdThreshold = DEFAULT_ANOMALY_STD_THRESHOLD;
        private boolean preserveErrors = DEFAULT_PRESERVE_ERRORS;
        private boolean compactRows = DEFAULT_COMPACT_ROWS;
        private final Map<String, ToolProfile> toolProfiles = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param v at least 0 */
        public Builder minTokensToCrush(int v) {
            this.minTokensToCrush = Checks.nonNegative(MIN_TOKENS_TO_CRUSH, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder minItemsToAnalyze(int v) {
            this.minItemsToAnalyze = Checks.positive(MIN_ITEMS_TO_ANALYZE, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder maxItemsAfterCrush(int v) {
            this.maxItemsAfterCrush = Checks.positive(MAX_ITEMS_AFTER_CRUSH, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder keepFirst(int v) {
            this.keepFirst = Checks.nonNegative(KEEP_FIRST, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder keepLast(int v) {
            this.keepLast = Checks.nonNegative(KEEP_LAST, v);
            return this;
        }

        /** @param v between 0 and 1 */
        public Builder relevanceThreshold(double v) {
            this.relevanceThreshold = Checks.fraction(RELEVANCE_THRESHOLD, v);
            return this;
        }

        /** @param v above 0 */
        public Builder anomalyStdThreshold(double v) {
            this.anomalyStdThreshold = Checks.positive(ANOMALY_STD_THRESHOLD, v);
            return this;
        }

        public Builder preserveErrors(boolean v) {
            this.preserveErrors = v;
            return this;
        }

        public Builder compactRows(boolean v) {
            this.compactRows = v;
            return this;
        }

        /** Sets (or replaces) the profile of {@code tool}. */
        public Builder toolProfile(String tool, ToolProfile profile) {
            if (tool == null || tool.isBlank()) {
                throw new InvalidConfigException(TOOL_PROFILES, "a tool name must not be blank");
            }
            this.toolProfiles.put(tool, Checks.present(TOOL_PROFILES + "." + tool, profile));
            return this;
        }

        public CrusherConfig build() {
            return new CrusherConfig(this);
        }
    }

    private static ToolProfile readToolProfile(Function<String, String> lookup, String tool) {
        ToolProfile profile = ToolProfile.DEFAULTS;
        String skipKey = toolProfileProperty(tool, ToolProfile.SKIP_COMPRESSION);
        String skip = PropertyTable.value(lookup, skipKey);
        if (skip != null) {
            profile = profile.withSkipCompression(PropertyTable.parseBoolean(skipKey, skip));
        }
        String maxKey = toolProfileProperty(tool, ToolProfile.MAX_ITEMS_AFTER_CRUSH);
        String max = PropertyTable.value(lookup, maxKey);
        if (max != null) {
            try {
                profile = profile.withMaxItemsAfterCrush(PropertyTable.parseInt(maxKey, max));
            } catch (InvalidConfigException e) {
                throw e.option().equals(maxKey) ? e : e.forOption(maxKey);
            }
        }
        return profile;
    }

    /** A lookup over {@code properties} that lists, under {@link #TOOL_PROFILES}, every tool its keys name. */
    static Function<String, String> listingToolProfiles(Map<String, String> properties) {
        Set<String> tools = new LinkedHashSet<>();
        String declared = properties.get(TOOL_PROFILES);
        if (declared != null) {
            tools.addAll(List.of(declared.split(",")));
        }
        String prefix = TOOL_PROFILES + ".";
        for (String key : properties.keySet()) {
            int end = key.startsWith(prefix) ? key.lastIndexOf('.') : -1;
            if (end > prefix.length()) {
                tools.add(key.substring(prefix.length(), end));
            }
        }
        String names = String.join(",", tools);
        return key -> TOOL_PROFILES.equals(key) ? names : properties.get(key);
    }

    private static List<ConfigOption> withToolProfileOptions(List<ConfigOption> options) {
        List<ConfigOption> all = new ArrayList<>(options);
        all.add(new ConfigOption(TOOL_PROFILES, "comma-separated tool names", "",
                "Tools that have a profile (a properties map may leave it out: its keys name the tools)."));
        all.add(new ConfigOption(toolProfileProperty("<tool>", ToolProfile.SKIP_COMPRESSION), "boolean",
                String.valueOf(ToolProfile.DEFAULTS.skipCompression()), "Whether this tool's output is never compressed."));
        all.add(new ConfigOption(toolProfileProperty("<tool>", ToolProfile.MAX_ITEMS_AFTER_CRUSH), "int", "",
                "This tool's own upper bound on the items a compressed array keeps; unset uses " + MAX_ITEMS_AFTER_CRUSH + "."));
        return List.copyOf(all);
    }
}
