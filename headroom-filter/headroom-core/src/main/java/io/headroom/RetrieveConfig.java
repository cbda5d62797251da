package io.headroom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The retrieve loop: how often a host answers the model's {@code headroom_retrieve} calls within one client
 * exchange, and how long each follow-up call to the provider may take. Read by the core's
 * {@code io.headroom.host.retrieve.RetrieveLoop} from the {@link Headroom} it is given. Immutable; the setters
 * refuse an invalid value at once with an {@link InvalidConfigException} naming the option.
 */
public final class RetrieveConfig {
    public static final String MAX_ROUNDS = "retrieve.max-rounds";
    public static final String ROUND_TIMEOUT_MS = "retrieve.round-timeout-ms";

    /** Enough for a model that retrieves, then narrows with a query, then retrieves once more. */
    public static final int DEFAULT_MAX_ROUNDS = 3;
    /** A long reasoning answer may take minutes; two minutes per follow-up bounds a stuck provider. */
    public static final long DEFAULT_ROUND_TIMEOUT_MS = 120_000;

    private static final PropertyTable<RetrieveConfig, Builder> PROPERTIES = new PropertyTable<RetrieveConfig, Builder>()
            .integer(MAX_ROUNDS, DEFAULT_MAX_ROUNDS,
                    "Follow-up calls per client request at most when answering the model's headroom_retrieve calls; "
                            + "a model still calling it after that many rounds gets its last answer passed on "
                            + "unchanged. 0 turns the retrieve loop off.",
                    Builder::maxRounds, RetrieveConfig::maxRounds)
            .longValue(ROUND_TIMEOUT_MS, DEFAULT_ROUND_TIMEOUT_MS,
                    "Longest time, in milliseconds, one follow-up call of the retrieve loop may take (the host "
                            + "bounds the call by it); a follow-up that exceeds it fails the exchange.",
                    Builder::roundTimeoutMs, RetrieveConfig::roundTimeoutMs);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final RetrieveConfig DEFAULTS = builder().build();

    private final int maxRounds;
    private final long roundTimeoutMs;

    private RetrieveConfig(Builder b) {
        this.maxRounds = b.maxRounds;
        this.roundTimeoutMs = b.roundTimeoutMs;
    }

    public static RetrieveConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static RetrieveConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    public static RetrieveConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Follow-up calls per client request at most; 0 = the loop is off. */
    public int maxRounds() { return maxRounds; }

    /** Longest time one follow-up call may take, in milliseconds. */
    public long roundTimeoutMs() { return roundTimeoutMs; }

    /** {@link #roundTimeoutMs()} as a duration. */
    public Duration roundTimeout() { return Duration.ofMillis(roundTimeoutMs); }

    public Builder toBuilder() {
        return new Builder().maxRounds(maxRounds).roundTimeoutMs(roundTimeoutMs);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetrieveConfig c && maxRounds == c.maxRounds && roundTimeoutMs == c.roundTimeoutMs;
    }

    @Override
    public int hashCode() {
        return maxRounds * 31 + Long.hashCode(roundTimeoutMs);
    }

    @Override
    public String toString() {
        return "RetrieveConfig" + toProperties();
    }

    /** Mutable builder; each setter validates its value at once. */
    public static final class Builder {
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private long roundTimeoutMs = DEFAULT_ROUND_TIMEOUT_MS;

        private Builder() {
        }

        /** @param v at least 0 (0 = off) */
        public Builder maxRounds(int v) {
            this.maxRounds = Checks.nonNegative(MAX_ROUNDS, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder roundTimeoutMs(long v) {
            this.roundTimeoutMs = Checks.positive(ROUND_TIMEOUT_MS, v);
            return this;
        }

        public RetrieveConfig build() {
            return new RetrieveConfig(this);
        }
    }
}
