package io.headroom;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Immutable Headroom configuration, built once per filter / extension instance.
 *
 * <p>Every option has a property name (kebab-case) shared by all entry points: servlet init-params
 * use it as is ({@code min-tokens-to-crush}), Quarkus prefixes it ({@code quarkus.headroom.min-tokens-to-crush}).
 * Defaults follow the original project's documented defaults.
 */
public final class HeadroomConfig {

    public static final String MODE = "mode";
    public static final String MIN_TOKENS_TO_CRUSH = "min-tokens-to-crush";
    public static final String MIN_ITEMS_TO_ANALYZE = "min-items-to-analyze";
    public static final String MAX_ITEMS_AFTER_CRUSH = "max-items-after-crush";
    public static final String KEEP_FIRST = "keep-first";
    public static final String KEEP_LAST = "keep-last";
    public static final String RELEVANCE_THRESHOLD = "relevance-threshold";
    public static final String ANOMALY_STD_THRESHOLD = "anomaly-std-threshold";
    public static final String PRESERVE_ERRORS = "preserve-errors";
    public static final String CCR_ENABLED = "ccr.enabled";
    public static final String CCR_TTL_SECONDS = "ccr.ttl-seconds";
    public static final String CCR_MAX_ENTRIES = "ccr.max-entries";
    /** Directory of the persistent CCR tier; unset keeps originals on the heap only. */
    public static final String CCR_DISK_PATH = "ccr.disk-path";
    public static final String CCR_DISK_SIZE_MB = "ccr.disk-size-mb";
    /** Whether the headroom_retrieve tool is added to requests whose originals went to CCR (default true). */
    public static final String CCR_INJECT_TOOL = "ccr.inject-tool";
    public static final String CACHE_ALIGNER_ENABLED = "cache-aligner.enabled";
    /** Extra dynamic-content regexes, comma-separated (see {@link io.headroom.PatternList}). */
    public static final String CACHE_ALIGNER_PATTERNS = "cache-aligner.patterns";
    public static final String CACHE_CONTROL_ENABLED = "cache-control.enabled";
    public static final String MAX_BODY_BYTES = "max-body-bytes";
    public static final String CODE_COMPRESSION_ENABLED = "code-compression.enabled";
    public static final String COMPACT_ROWS = "compact-rows";
    /**
     * Comma-separated tool names that have a profile; each then reads {@code tool-profiles.<tool>.skip-compression}
     * and {@code tool-profiles.<tool>.max-items-after-crush}. {@link #fromMap} finds the names from the keys.
     */
    public static final String TOOL_PROFILES = "tool-profiles";
    /** Context-window management: {@code intelligent} (default), {@code rolling} or {@code off}. */
    public static final String CONTEXT_STRATEGY = "context.strategy";
    public static final String CONTEXT_KEEP_LAST_TURNS = "context.keep-last-turns";
    public static final String CONTEXT_OUTPUT_BUFFER_TOKENS = "context.output-buffer-tokens";
    public static final String CONTEXT_COMPRESS_THRESHOLD = "context.compress-threshold";
    public static final String CONTEXT_RECENCY_DECAY_RATE = "context.recency-decay-rate";

    private final Mode mode;
    private final int minTokensToCrush;
    private final int minItemsToAnalyze;
    private final int maxItemsAfterCrush;
    private final int keepFirst;
    private final int keepLast;
    private final double relevanceThreshold;
    private final double anomalyStdThreshold;
    private final boolean preserveErrors;
    private final boolean ccrEnabled;
    private final Duration ccrTtl;
    private final long ccrMaxEntries;
    private final java.nio.file.Path ccrDiskPath;
    private final long ccrDiskSizeMb;
    private final boolean ccrInjectTool;
    private final boolean cacheAlignerEnabled;
    private final java.util.List<String> cacheAlignerPatterns;
    private final boolean cacheControlEnabled;
    private final long maxBodyBytes;
    private final boolean codeCompressionEnabled;
    private final boolean compactRows;
    private final Map<String, ToolProfile> toolProfiles;
    private final io.headroom.ContextStrategy contextStrategy;
    private final int contextKeepLastTurns;
    private final int contextOutputBufferTokens;
    private final double contextCompressThreshold;
    private final double contextRecencyDecayRate;

    private HeadroomConfig(Builder b) {
        this.mode = b.mode;
        this.minTokensToCrush = requireNonNegative(MIN_TOKENS_TO_CRUSH, b.minTokensToCrush);
        this.minItemsToAnalyze = requirePositive(MIN_ITEMS_TO_ANALYZE, b.minItemsToAnalyze);
        this.maxItemsAfterCrush = requirePositive(MAX_ITEMS_AFTER_CRUSH, b.maxItemsAfterCrush);
        this.keepFirst = requireNonNegative(KEEP_FIRST, b.keepFirst);
        this.keepLast = requireNonNegative(KEEP_LAST, b.keepLast);
        if (b.relevanceThreshold < 0 || b.relevanceThreshold > 1) {
            throw invalid(RELEVANCE_THRESHOLD, b.relevanceThreshold, "must be between 0 and 1");
        }
        this.relevanceThreshold = b.relevanceThreshold;
        if (!(b.anomalyStdThreshold > 0)) {
            throw invalid(ANOMALY_STD_THRESHOLD, b.anomalyStdThreshold, "must be > 0");
        }
        this.anomalyStdThreshold = b.anomalyStdThreshold;
        this.preserveErrors = b.preserveErrors;
        this.ccrEnabled = b.ccrEnabled;
        if (b.ccrTtl.isNegative() || b.ccrTtl.isZero()) {
            throw invalid(CCR_TTL_SECONDS, b.ccrTtl.toSeconds(), "must be > 0");
        }
        this.ccrTtl = b.ccrTtl;
        if (b.ccrMaxEntries <= 0) {
            throw invalid(CCR_MAX_ENTRIES, b.ccrMaxEntries, "must be > 0");
        }
        this.ccrMaxEntries = b.ccrMaxEntries;
        this.ccrDiskPath = b.ccrDiskPath;
        if (b.ccrDiskSizeMb <= 0) {
            throw invalid(CCR_DISK_SIZE_MB, b.ccrDiskSizeMb, "must be > 0");
        }
        this.ccrDiskSizeMb = b.ccrDiskSizeMb;
        this.ccrInjectTool = b.ccrInjectTool;
        this.cacheAlignerEnabled = b.cacheAlignerEnabled;
        io.headroom.PatternList.compile(CACHE_ALIGNER_PATTERNS, b.cacheAlignerPatterns); // validates
        this.cacheAlignerPatterns = java.util.List.copyOf(b.cacheAlignerPatterns);
        this.cacheControlEnabled = b.cacheControlEnabled;
        if (b.maxBodyBytes <= 0) {
            throw invalid(MAX_BODY_BYTES, b.maxBodyBytes, "must be > 0");
        }
        this.maxBodyBytes = b.maxBodyBytes;
        this.codeCompressionEnabled = b.codeCompressionEnabled;
        this.compactRows = b.compactRows;
        this.toolProfiles = Map.copyOf(b.toolProfiles);
        this.contextStrategy = b.contextStrategy;
        this.contextKeepLastTurns = requireNonNegative(CONTEXT_KEEP_LAST_TURNS, b.contextKeepLastTurns);
        this.contextOutputBufferTokens = requireNonNegative(CONTEXT_OUTPUT_BUFFER_TOKENS, b.contextOutputBufferTokens);
        if (!(b.contextCompressThreshold >= 0)) {
            throw invalid(CONTEXT_COMPRESS_THRESHOLD, b.contextCompressThreshold, "must be >= 0");
        }
        this.contextCompressThreshold = b.contextCompressThreshold;
        if (!(b.contextRecencyDecayRate >= 0)) {
            throw invalid(CONTEXT_RECENCY_DECAY_RATE, b.contextRecencyDecayRate, "must be >= 0");
        }
        this.contextRecencyDecayRate = b.contextRecencyDecayRate;
    }

    public static HeadroomConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads options by property name (see the constants); absent or blank values keep the default.
     * Invalid values fail with a {@link HeadroomException} of type configuration_error naming the option.
     */
    public static HeadroomConfig fromProperties(Function<String, String> lookup) {
        Builder b = builder();
        String v;
        if ((v = value(lookup, MODE)) != null) b.mode(parseMode(v));
        if ((v = value(lookup, MIN_TOKENS_TO_CRUSH)) != null) b.minTokensToCrush(parseInt(MIN_TOKENS_TO_CRUSH, v));
        if ((v = value(lookup, MIN_ITEMS_TO_ANALYZE)) != null) b.minItemsToAnalyze(parseInt(MIN_ITEMS_TO_ANALYZE, v));
        if ((v = value(lookup, MAX_ITEMS_AFTER_CRUSH)) != null) b.maxItemsAfterCrush(parseInt(MAX_ITEMS_AFTER_CRUSH, v));
        if ((v = value(lookup, KEEP_FIRST)) != null) b.keepFirst(parseInt(KEEP_FIRST, v));
        if ((v = value(lookup, KEEP_LAST)) != null) b.keepLast(parseInt(KEEP_LAST, v));
        if ((v = value(lookup, RELEVANCE_THRESHOLD)) != null) b.relevanceThreshold(parseDouble(RELEVANCE_THRESHOLD, v));
        if ((v = value(lookup, ANOMALY_STD_THRESHOLD)) != null) b.anomalyStdThreshold(parseDouble(ANOMALY_STD_THRESHOLD, v));
        if ((v = value(lookup, PRESERVE_ERRORS)) != null) b.preserveErrors(parseBoolean(PRESERVE_ERRORS, v));
        if ((v = value(lookup, CCR_ENABLED)) != null) b.ccrEnabled(parseBoolean(CCR_ENABLED, v));
        if ((v = value(lookup, CCR_TTL_SECONDS)) != null) b.ccrTtl(Duration.ofSeconds(parseLong(CCR_TTL_SECONDS, v)));
        if ((v = value(lookup, CCR_MAX_ENTRIES)) != null) b.ccrMaxEntries(parseLong(CCR_MAX_ENTRIES, v));
        if ((v = value(lookup, CCR_DISK_PATH)) != null) b.ccrDiskPath(parsePath(CCR_DISK_PATH, v));
        if ((v = value(lookup, CCR_DISK_SIZE_MB)) != null) b.ccrDiskSizeMb(parseLong(CCR_DISK_SIZE_MB, v));
        if ((v = value(lookup, CCR_INJECT_TOOL)) != null) b.ccrInjectTool(parseBoolean(CCR_INJECT_TOOL, v));
        if ((v = value(lookup, CACHE_ALIGNER_ENABLED)) != null) b.cacheAlignerEnabled(parseBoolean(CACHE_ALIGNER_ENABLED, v));
        if ((v = value(lookup, CACHE_ALIGNER_PATTERNS)) != null) b.cacheAlignerPatterns(io.headroom.PatternList.split(v));
        if ((v = value(lookup, CACHE_CONTROL_ENABLED)) != null) b.cacheControlEnabled(parseBoolean(CACHE_CONTROL_ENABLED, v));
        if ((v = value(lookup, MAX_BODY_BYTES)) != null) b.maxBodyBytes(parseLong(MAX_BODY_BYTES, v));
        if ((v = value(lookup, CODE_COMPRESSION_ENABLED)) != null) b.codeCompressionEnabled(parseBoolean(CODE_COMPRESSION_ENABLED, v));
        if ((v = value(lookup, COMPACT_ROWS)) != null) b.compactRows(parseBoolean(COMPACT_ROWS, v));
        if ((v = value(lookup, CONTEXT_STRATEGY)) != null) b.contextStrategy(parseContextStrategy(v));
        if ((v = value(lookup, CONTEXT_KEEP_LAST_TURNS)) != null) b.contextKeepLastTurns(parseInt(CONTEXT_KEEP_LAST_TURNS, v));
        if ((v = value(lookup, CONTEXT_OUTPUT_BUFFER_TOKENS)) != null) b.contextOutputBufferTokens(parseInt(CONTEXT_OUTPUT_BUFFER_TOKENS, v));
        if ((v = value(lookup, CONTEXT_COMPRESS_THRESHOLD)) != null) b.contextCompressThreshold(parseDouble(CONTEXT_COMPRESS_THRESHOLD, v));
        if ((v = value(lookup, CONTEXT_RECENCY_DECAY_RATE)) != null) b.contextRecencyDecayRate(parseDouble(CONTEXT_RECENCY_DECAY_RATE, v));
        if ((v = value(lookup, TOOL_PROFILES)) != null) {
            for (String tool : v.split(",")) {
                if (!tool.isBlank()) b.toolProfile(tool.trim(), parseToolProfile(lookup, tool.trim()));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, e.getMessage(), e);
        }
    }

    public static HeadroomConfig fromMap(Map<String, String> properties) {
        // A map can list its keys, so profile names need not be declared under TOOL_PROFILES.
        java.util.Set<String> tools = new java.util.LinkedHashSet<>();
        String declared = properties.get(TOOL_PROFILES);
        if (declared != null) tools.addAll(java.util.Arrays.asList(declared.split(",")));
        String prefix = TOOL_PROFILES + ".";
        for (String key : properties.keySet()) {
            int end = key.startsWith(prefix) ? key.lastIndexOf('.') : -1;
            if (end > prefix.length()) tools.add(key.substring(prefix.length(), end));
        }
        String names = String.join(",", tools);
        return fromProperties(key -> TOOL_PROFILES.equals(key) ? names : properties.get(key));
    }

    public Mode mode() { return mode; }
    public int minTokensToCrush() { return minTokensToCrush; }
    public int minItemsToAnalyze() { return minItemsToAnalyze; }
    public int maxItemsAfterCrush() { return maxItemsAfterCrush; }
    public int keepFirst() { return keepFirst; }
    public int keepLast() { return keepLast; }
    public double relevanceThreshold() { return relevanceThreshold; }
    public double anomalyStdThreshold() { return anomalyStdThreshold; }
    public boolean preserveErrors() { return preserveErrors; }
    public boolean ccrEnabled() { return ccrEnabled; }
    public Duration ccrTtl() { return ccrTtl; }
    public long ccrMaxEntries() { return ccrMaxEntries; }
    /** Directory of the persistent CCR tier (originals survive a restart); empty for heap only. */
    public java.util.Optional<java.nio.file.Path> ccrDiskPath() { return java.util.Optional.ofNullable(ccrDiskPath); }
    /** Size of the CCR disk tier in MB (used only with a disk path). */
    public long ccrDiskSizeMb() { return ccrDiskSizeMb; }
    /** The headroom_retrieve tool is added to requests whose originals went to CCR (default true). */
    public boolean ccrInjectTool() { return ccrInjectTool; }
    /** Dynamic content (dates, times, ids) is moved from the system prompt to its end (default true). */
    public boolean cacheAlignerEnabled() { return cacheAlignerEnabled; }
    /** Extra dynamic-content regexes beyond the built-in ones (valid, unmodifiable). */
    public java.util.List<String> cacheAlignerPatterns() { return cacheAlignerPatterns; }
    /** Anthropic cache_control breakpoints are placed on the stable prefix (default true). */
    public boolean cacheControlEnabled() { return cacheControlEnabled; }
    public long maxBodyBytes() { return maxBodyBytes; }
    /** Source code bodies are collapsed only when true (off by default: code is usually read to be worked on). */
    public boolean codeCompressionEnabled() { return codeCompressionEnabled; }
    /** Rows kept from uniform object arrays are rendered as columns + value rows (off by default). */
    public boolean compactRows() { return compactRows; }
    /** The profile of a tool, if one is configured. */
    public java.util.Optional<ToolProfile> toolProfile(String toolName) {
        return toolName == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(toolProfiles.get(toolName));
    }
    /** All tool profiles by tool name (unmodifiable). */
    public Map<String, ToolProfile> toolProfiles() { return toolProfiles; }
    /** How a request over its token budget is cut down (default intelligent). */
    public io.headroom.ContextStrategy contextStrategy() { return contextStrategy; }
    /** The last N user turns are never dropped (at least the last one always stays). */
    public int contextKeepLastTurns() { return contextKeepLastTurns; }
    /** Tokens reserved for the answer: the budget without a token_budget is the model's limit minus this. */
    public int contextOutputBufferTokens() { return contextOutputBufferTokens; }
    /** Overflow (fraction of the budget) below which deeper tool-output compression is tried before dropping. */
    public double contextCompressThreshold() { return contextCompressThreshold; }
    /** Lambda of the exponential recency decay used to score messages. */
    public double contextRecencyDecayRate() { return contextRecencyDecayRate; }

    public Builder toBuilder() {
        return new Builder().mode(mode).minTokensToCrush(minTokensToCrush).minItemsToAnalyze(minItemsToAnalyze)
                .maxItemsAfterCrush(maxItemsAfterCrush).keepFirst(keepFirst).keepLast(keepLast)
                .relevanceThreshold(relevanceThreshold).anomalyStdThreshold(anomalyStdThreshold)
                .preserveErrors(preserveErrors).ccrEnabled(ccrEnabled).ccrTtl(ccrTtl)
                .ccrMaxEntries(ccrMaxEntries).ccrDiskPath(ccrDiskPath).ccrDiskSizeMb(ccrDiskSizeMb).ccrInjectTool(ccrInjectTool)
                .cacheAlignerEnabled(cacheAlignerEnabled).cacheAlignerPatterns(cacheAlignerPatterns)
                .cacheControlEnabled(cacheControlEnabled).maxBodyBytes(maxBodyBytes)
                .codeCompressionEnabled(codeCompressionEnabled).compactRows(compactRows).toolProfiles(toolProfiles)
                .contextStrategy(contextStrategy).contextKeepLastTurns(contextKeepLastTurns)
                .contextOutputBufferTokens(contextOutputBufferTokens).contextCompressThreshold(contextCompressThreshold)
                .contextRecencyDecayRate(contextRecencyDecayRate);
    }

    @Override
    public String toString() {
        return "HeadroomConfig{mode=" + mode.wireName() + ", minTokensToCrush=" + minTokensToCrush
                + ", minItemsToAnalyze=" + minItemsToAnalyze + ", maxItemsAfterCrush=" + maxItemsAfterCrush
                + ", keepFirst=" + keepFirst + ", keepLast=" + keepLast
                + ", relevanceThreshold=" + relevanceThreshold + ", anomalyStdThreshold=" + anomalyStdThreshold
                + ", preserveErrors=" + preserveErrors + ", ccrEnabled=" + ccrEnabled + ", ccrTtl=" + ccrTtl
                + ", ccrMaxEntries=" + ccrMaxEntries + ", ccrDiskPath=" + ccrDiskPath + ", ccrDiskSizeMb=" + ccrDiskSizeMb
                + ", ccrInjectTool=" + ccrInjectTool
                + ", cacheAlignerEnabled=" + cacheAlignerEnabled + ", cacheAlignerPatterns=" + cacheAlignerPatterns
                + ", cacheControlEnabled=" + cacheControlEnabled + ", maxBodyBytes=" + maxBodyBytes
                + ", codeCompressionEnabled=" + codeCompressionEnabled + ", compactRows=" + compactRows
                + ", toolProfiles=" + toolProfiles + ", contextStrategy=" + contextStrategy.wireName()
                + ", contextKeepLastTurns=" + contextKeepLastTurns + ", contextOutputBufferTokens=" + contextOutputBufferTokens
                + ", contextCompressThreshold=" + contextCompressThreshold
                + ", contextRecencyDecayRate=" + contextRecencyDecayRate + '}';
    }

    /** Mutable builder; {@link #build()} validates and freezes. */
    public static final class Builder {
        private Mode mode = Mode.OPTIMIZE;
        private int minTokensToCrush = 200;
        private int minItemsToAnalyze = 5;
        private int maxItemsAfterCrush = 15;
        private int keepFirst = 3;
        private int keepLast = 2;
        private double relevanceThreshold = 0.3;
        private double anomalyStdThreshold = 2.0;
        private boolean preserveErrors = true;
        private boolean ccrEnabled = true;
        private Duration ccrTtl = Duration.ofHours(1);
        private long ccrMaxEntries = 10_000;
        private java.nio.file.Path ccrDiskPath;
        private long ccrDiskSizeMb = 512;
        private boolean ccrInjectTool = true;
        private boolean cacheAlignerEnabled = true;
        private java.util.List<String> cacheAlignerPatterns = java.util.List.of();
        private boolean cacheControlEnabled = true;
        private long maxBodyBytes = 32L * 1024 * 1024;
        private boolean codeCompressionEnabled = false;
        private boolean compactRows = false;
        private final Map<String, ToolProfile> toolProfiles = new java.util.LinkedHashMap<>();
        private io.headroom.ContextStrategy contextStrategy = io.headroom.ContextStrategy.INTELLIGENT;
        private int contextKeepLastTurns = 2;
        private int contextOutputBufferTokens = 4000;
        private double contextCompressThreshold = 0.1;
        private double contextRecencyDecayRate = 0.1;

        private Builder() {
        }

        public Builder mode(Mode v) { this.mode = java.util.Objects.requireNonNull(v, MODE); return this; }
        public Builder minTokensToCrush(int v) { this.minTokensToCrush = v; return this; }
        public Builder minItemsToAnalyze(int v) { this.minItemsToAnalyze = v; return this; }
        public Builder maxItemsAfterCrush(int v) { this.maxItemsAfterCrush = v; return this; }
        public Builder keepFirst(int v) { this.keepFirst = v; return this; }
        public Builder keepLast(int v) { this.keepLast = v; return this; }
        public Builder relevanceThreshold(double v) { this.relevanceThreshold = v; return this; }
        public Builder anomalyStdThreshold(double v) { this.anomalyStdThreshold = v; return this; }
        public Builder preserveErrors(boolean v) { this.preserveErrors = v; return this; }
        public Builder ccrEnabled(boolean v) { this.ccrEnabled = v; return this; }
        public Builder ccrTtl(Duration v) { this.ccrTtl = java.util.Objects.requireNonNull(v, CCR_TTL_SECONDS); return this; }
        public Builder ccrMaxEntries(long v) { this.ccrMaxEntries = v; return this; }
        /** @param v directory of the persistent CCR tier, or null for heap only */
        public Builder ccrDiskPath(java.nio.file.Path v) { this.ccrDiskPath = v; return this; }
        public Builder ccrDiskSizeMb(long v) { this.ccrDiskSizeMb = v; return this; }
        public Builder ccrInjectTool(boolean v) { this.ccrInjectTool = v; return this; }
        public Builder cacheAlignerEnabled(boolean v) { this.cacheAlignerEnabled = v; return this; }
        public Builder cacheAlignerPatterns(java.util.List<String> v) {
            this.cacheAlignerPatterns = java.util.List.copyOf(java.util.Objects.requireNonNull(v, CACHE_ALIGNER_PATTERNS));
            return this;
        }
        public Builder cacheControlEnabled(boolean v) { this.cacheControlEnabled = v; return this; }
        public Builder maxBodyBytes(long v) { this.maxBodyBytes = v; return this; }
        public Builder codeCompressionEnabled(boolean v) { this.codeCompressionEnabled = v; return this; }
        public Builder compactRows(boolean v) { this.compactRows = v; return this; }
        public Builder toolProfile(String tool, ToolProfile profile) {
            this.toolProfiles.put(java.util.Objects.requireNonNull(tool, TOOL_PROFILES),
                    java.util.Objects.requireNonNull(profile, TOOL_PROFILES + "." + tool));
            return this;
        }
        public Builder contextStrategy(io.headroom.ContextStrategy v) {
            this.contextStrategy = java.util.Objects.requireNonNull(v, CONTEXT_STRATEGY);
            return this;
        }
        public Builder contextKeepLastTurns(int v) { this.contextKeepLastTurns = v; return this; }
        public Builder contextOutputBufferTokens(int v) { this.contextOutputBufferTokens = v; return this; }
        public Builder contextCompressThreshold(double v) { this.contextCompressThreshold = v; return this; }
        public Builder contextRecencyDecayRate(double v) { this.contextRecencyDecayRate = v; return this; }
        private Builder toolProfiles(Map<String, ToolProfile> v) { this.toolProfiles.putAll(v); return this; }

        public HeadroomConfig build() {
            return new HeadroomConfig(this);
        }
    }

    private static String value(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static ToolProfile parseToolProfile(Function<String, String> lookup, String tool) {
        String prefix = TOOL_PROFILES + "." + tool + ".";
        String skip = value(lookup, prefix + "skip-compression");
        String max = value(lookup, prefix + MAX_ITEMS_AFTER_CRUSH);
        java.util.OptionalInt maxItems = max == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(parseInt(prefix + MAX_ITEMS_AFTER_CRUSH, max));
        try {
            return new ToolProfile(skip != null && parseBoolean(prefix + "skip-compression", skip), maxItems);
        } catch (IllegalArgumentException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, prefix + e.getMessage(), e);
        }
    }

    private static java.nio.file.Path parsePath(String key, String v) {
        try {
            return java.nio.file.Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, key + ": '" + v + "' is not a valid path", e);
        }
    }

    private static Mode parseMode(String v) {
        try {
            return Mode.parse(v, Mode.OPTIMIZE);
        } catch (IllegalArgumentException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, MODE + ": " + e.getMessage(), e);
        }
    }

    private static io.headroom.ContextStrategy parseContextStrategy(String v) {
        try {
            return io.headroom.ContextStrategy.parse(v);
        } catch (IllegalArgumentException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, CONTEXT_STRATEGY + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String key, String v) {
        return Math.toIntExact(parseLong(key, v));
    }

    private static long parseLong(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, key + ": '" + v + "' is not a whole number", e);
        }
    }

    private static double parseDouble(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, key + ": '" + v + "' is not a number", e);
        }
    }

    private static boolean parseBoolean(String key, String v) {
        if ("true".equalsIgnoreCase(v)) return true;
        if ("false".equalsIgnoreCase(v)) return false;
        throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, key + ": '" + v + "' is not true or false");
    }

    private static int requireNonNegative(String key, int v) {
        if (v < 0) throw invalid(key, v, "must be >= 0");
        return v;
    }

    private static int requirePositive(String key, int v) {
        if (v <= 0) throw invalid(key, v, "must be > 0");
        return v;
    }

    private static IllegalArgumentException invalid(String key, Object v, String why) {
        return new IllegalArgumentException(key + ": " + v + " " + why);
    }
}
