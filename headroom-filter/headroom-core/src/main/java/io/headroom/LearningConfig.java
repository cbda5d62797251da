package io.headroom;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learning from use (TOIN, the original's Tool Output Intelligence Network): what the model retrieves is
 * recorded per tool signature (tool name + the shape of its output) and, once a signature's confidence reaches
 * {@link #confidenceThreshold()}, steers compression of that signature's later outputs. Below the threshold
 * nothing changes: a cold start compresses byte-identically to learning off. Immutable; the setters refuse an
 * invalid value at once with an {@link InvalidConfigException} naming the option.
 */
public final class LearningConfig {
    public static final String ENABLED = "learning.enabled";
    public static final String CONFIDENCE_THRESHOLD = "learning.toin.confidence-threshold";
    public static final String MAX_SIGNATURES = "learning.toin.max-signatures";
    public static final String PATH = "learning.toin.path";
    public static final String SAVE_INTERVAL_SECONDS = "learning.toin.save-interval-seconds";

    public static final boolean DEFAULT_ENABLED = true;
    /** The original's {@code toin_confidence_threshold}. */
    public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.3;
    /** Bounds the learned state (least recently used signatures go first): about 2 KB each at most. */
    public static final int DEFAULT_MAX_SIGNATURES = 1000;
    public static final long DEFAULT_SAVE_INTERVAL_SECONDS = 60;
    /** The file name used beside the CCR disk tier when {@link #PATH} is unset. */
    public static final String DEFAULT_FILE_NAME = "learned-patterns.json";

    private static final PropertyTable<LearningConfig, Builder> PROPERTIES = new PropertyTable<LearningConfig, Builder>()
            .bool(ENABLED, DEFAULT_ENABLED,
                    "Learn from the model's retrievals (TOIN): record every retrieval against the tool signature "
                            + "it came from and, above the confidence threshold, keep what is usually retrieved. "
                            + "false: nothing is recorded or applied.",
                    Builder::enabled, LearningConfig::enabled)
            .decimal(CONFIDENCE_THRESHOLD, DEFAULT_CONFIDENCE_THRESHOLD,
                    "Confidence (0..1, growing with the observations of a tool signature) a signature needs before "
                            + "its learned patterns change compression; below it output is byte-identical to learning off.",
                    Builder::confidenceThreshold, LearningConfig::confidenceThreshold)
            .integer(MAX_SIGNATURES, DEFAULT_MAX_SIGNATURES,
                    "Tool signatures remembered at most; the least recently used is forgotten first.",
                    Builder::maxSignatures, LearningConfig::maxSignatures)
            .row(new ConfigOption(PATH, "path", "",
                            "File the learned state is kept in across restarts (written atomically, periodically and "
                                    + "at close). Unset: the Redis key {prefix}:toin:state with ccr.backend=redis, else "
                                    + DEFAULT_FILE_NAME + " inside ccr.disk-path when that is set, else memory only."),
                    (b, v) -> b.path(PropertyTable.parsePath(PATH, v)),
                    c -> c.path().map(Path::toString).orElse(null))
            .longValue(SAVE_INTERVAL_SECONDS, DEFAULT_SAVE_INTERVAL_SECONDS,
                    "Seconds between saves of the learned state while it changes (it is also saved at close).",
                    Builder::saveIntervalSeconds, LearningConfig::saveIntervalSeconds);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final LearningConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final double confidenceThreshold;
    private final int maxSignatures;
    private final Path path;
    private final long saveIntervalSeconds;

    private LearningConfig(Builder b) {
        this.enabled = b.enabled;
        this.confidenceThreshold = b.confidenceThreshold;
        this.maxSignatures = b.maxSignatures;
        this.path = b.path;
        this.saveIntervalSeconds = b.saveIntervalSeconds;
    }

    public static LearningConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static LearningConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    public static LearningConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Whether retrievals are recorded and learned patterns applied. */
    public boolean enabled() { return enabled; }

    /** Confidence a signature needs before its patterns change compression. */
    public double confidenceThreshold() { return confidenceThreshold; }

    /** Tool signatures remembered at most. */
    public int maxSignatures() { return maxSignatures; }

    /** The learned-state file set explicitly, if any (see {@link #stateFile(CcrConfig)}). */
    public Optional<Path> path() { return Optional.ofNullable(path); }

    /** Seconds between saves while the state changes. */
    public long saveIntervalSeconds() { return saveIntervalSeconds; }

    /**
     * The file the state lives in: {@link #path()}, else beside the CCR disk tier, else none (memory only). A CCR
     * store shared by the fleet (Redis) takes precedence over the disk-tier file: see {@code Learners}.
     */
    public Optional<Path> stateFile(CcrConfig ccr) {
        if (path != null) {
            return Optional.of(path);
        }
        return ccr.diskPath().map(dir -> dir.resolve(DEFAULT_FILE_NAME));
    }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).confidenceThreshold(confidenceThreshold).maxSignatures(maxSignatures)
                .path(path).saveIntervalSeconds(saveIntervalSeconds);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningConfig c && enabled == c.enabled
                && Double.compare(confidenceThreshold, c.confidenceThreshold) == 0 && maxSignatures == c.maxSignatures
                && Objects.equals(path, c.path) && saveIntervalSeconds == c.saveIntervalSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, confidenceThreshold, maxSignatures, path, saveIntervalSeconds);
    }

    @Override
    public String toString() {
        return "LearningConfig" + toProperties();
    }

    /** Mutable builder; each setter validates its value at once. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private double confidenceThreshold = DEFAULT_CONFIDENCE_THRESHOLD;
        private int maxSignatures = DEFAULT_MAX_SIGNATURES;
        private Path path;
        private long saveIntervalSeconds = DEFAULT_SAVE_INTERVAL_SECONDS;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        /** @param v in [0, 1] */
        public Builder confidenceThreshold(double v) {
            this.confidenceThreshold = Checks.fraction(CONFIDENCE_THRESHOLD, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder maxSignatures(int v) {
            this.maxSignatures = Checks.positive(MAX_SIGNATURES, v);
            return this;
        }

        /** @param v the learned-state file, or null for the default */
        public Builder path(Path v) {
            this.path = v;
            return this;
        }

        /** @param v at least 1 */
        public Builder saveIntervalSeconds(long v) {
            this.saveIntervalSeconds = Checks.positive(SAVE_INTERVAL_SECONDS, v);
            return this;
        }

        public LearningConfig build() {
            return new LearningConfig(this);
        }
    }
}
