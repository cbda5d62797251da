package io.headroom;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Context-window management for requests larger than their token budget (the model's limit minus the
 * output buffer, or the {@code token_budget} given to {@code /v1/compress}). Immutable; built by
 * {@link #builder()}, whose setters refuse an invalid value at once with an {@link InvalidConfigException}
 * naming the option.
 */
public final class ContextConfig {
    /** {@code intelligent}, {@code rolling} or {@code off}. */
    public static final String STRATEGY = "context.strategy";
    public static final String KEEP_LAST_TURNS = "context.keep-last-turns";
    public static final String OUTPUT_BUFFER_TOKENS = "context.output-buffer-tokens";
    public static final String COMPRESS_THRESHOLD = "context.compress-threshold";
    public static final String RECENCY_DECAY_RATE = "context.recency-decay-rate";

    public static final ContextStrategy DEFAULT_STRATEGY = ContextStrategy.INTELLIGENT;
    public static final int DEFAULT_KEEP_LAST_TURNS = 2;
    public static final int DEFAULT_OUTPUT_BUFFER_TOKENS = 4000;
    public static final double DEFAULT_COMPRESS_THRESHOLD = 0.1;
    public static final double DEFAULT_RECENCY_DECAY_RATE = 0.1;

    private static final PropertyTable<ContextConfig, Builder> PROPERTIES = new PropertyTable<ContextConfig, Builder>()
            .row(new ConfigOption(STRATEGY, Arrays.stream(ContextStrategy.values()).map(ContextStrategy::wireName)
                            .collect(Collectors.joining("|")), DEFAULT_STRATEGY.wireName(),
                            "How a request over its budget is cut down: intelligent drops the least valuable messages first, rolling the oldest, off nothing."),
                    (b, v) -> b.strategy(PropertyTable.parse(STRATEGY, v, ContextStrategy::parse)),
                    c -> c.strategy().wireName())
            .integer(KEEP_LAST_TURNS, DEFAULT_KEEP_LAST_TURNS,
                    "Number of most recent user turns that are never dropped (the last one always stays).",
                    Builder::keepLastTurns, ContextConfig::keepLastTurns)
            .integer(OUTPUT_BUFFER_TOKENS, DEFAULT_OUTPUT_BUFFER_TOKENS,
                    "Tokens reserved for the model's answer: the budget is the model's context limit minus this.",
                    Builder::outputBufferTokens, ContextConfig::outputBufferTokens)
            .decimal(COMPRESS_THRESHOLD, DEFAULT_COMPRESS_THRESHOLD,
                    "Overflow, as a fraction of the budget, below which deeper tool-output compression is tried before dropping.",
                    Builder::compressThreshold, ContextConfig::compressThreshold)
            .decimal(RECENCY_DECAY_RATE, DEFAULT_RECENCY_DECAY_RATE,
                    "Rate (lambda) of the exponential recency decay used to score messages.",
                    Builder::recencyDecayRate, ContextConfig::recencyDecayRate);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final ContextConfig DEFAULTS = builder().build();

    private final ContextStrategy strategy;
    private final int keepLastTurns;
    private final int outputBufferTokens;
    private final double compressThreshold;
    private final double recencyDecayRate;

    private ContextConfig(Builder b) {
        this.strategy = b.strategy;
        this.keepLastTurns = b.keepLastTurns;
        this.outputBufferTokens = b.outputBufferTokens;
        this.compressThreshold = b.compressThreshold;
        this.recencyDecayRate = b.recencyDecayRate;
    }

    public static ContextConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static ContextConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map (what {@link #toProperties()} writes reads back to an equal slice). */
    public static ContextConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** How a request over its token budget is cut down. */
    public ContextStrategy strategy() { return strategy; }
    /** The last N user turns are never dropped (at least the last one always stays). */
    public int keepLastTurns() { return keepLastTurns; }
    /** Tokens reserved for the answer: the budget without a token_budget is the model's limit minus this. */
    public int outputBufferTokens() { return outputBufferTokens; }
    /** Overflow (fraction of the budget) below which deeper tool-output compression is tried before dropping. */
    public double compressThreshold() { return compressThreshold; }
    /** Lambda of the exponential recency decay used to score messages. */
    public double recencyDecayRate() { return recencyDecayRate; }

    public Builder toBuilder() {
        return new Builder().strategy(strategy).keepLastTurns(keepLastTurns).outputBufferTokens(outputBufferTokens)
                .compressThreshold(compressThreshold).recencyDecayRate(recencyDecayRate);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextConfig c && strategy == c.strategy && keepLastTurns == c.keepLastTurns
                && outputBufferTokens == c.outputBufferTokens
                && Double.compare(compressThreshold, c.compressThreshold) == 0
                && Double.compare(recencyDecayRate, c.recencyDecayRate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, keepLastTurns, outputBufferTokens, compressThreshold, recencyDecayRate);
    }

    @Override
    public String toString() {
        return "ContextConfig" + toProperties();
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private ContextStrategy strategy = DEFAULT_STRATEGY;
        private int keepLastTurns = DEFAULT_KEEP_LAST_TURNS;
        private int outputBufferTokens = DEFAULT_OUTPUT_BUFFER_TOKENS;
        private double compressThreshold = DEFAULT_COMPRESS_THRESHOLD;
        private double recencyDecayRate = DEFAULT_RECENCY_DECAY_RATE;

        private Builder() {
        }

        public Builder strategy(ContextStrategy v) {
            this.strategy = Checks.present(STRATEGY, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder keepLastTurns(int v) {
            this.keepLastTurns = Checks.nonNegative(KEEP_LAST_TURNS, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder outputBufferTokens(int v) {
            this.outputBufferTokens = Checks.nonNegative(OUTPUT_BUFFER_TOKENS, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder compressThreshold(double v) {
            this.compressThreshold = Checks.nonNegative(COMPRESS_THRESHOLD, v);
            return this;
        }

        /** @param v at least 0 */
        public Builder recencyDecayRate(double v) {
            this.recencyDecayRate = Checks.nonNegative(RECENCY_DECAY_RATE, v);
            return this;
        }

        public ContextConfig build() {
            return new ContextConfig(this);
        }
    }
}
