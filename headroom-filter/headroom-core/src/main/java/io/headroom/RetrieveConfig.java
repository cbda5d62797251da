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
    public static final String SELF_URI = "retrieve.self-uri";

    /** Enough for a model that retrieves, then narrows with a query, then retrieves once more. */
    public static final int DEFAULT_MAX_ROUNDS = 3;
    /** A long reasoning answer may take minutes; two minutes per follow-up bounds a stuck provider. */
    public static final long DEFAULT_ROUND_TIMEOUT_MS = 120_000;
    /** Unset: a host that sends follow-ups to itself over HTTP uses the loopback interface and the request's port. */
    public static final String DEFAULT_SELF_URI = "";

    private static final PropertyTable<RetrieveConfig, Builder> PROPERTIES = new PropertyTable<RetrieveConfig, Builder>()
            .integer(MAX_ROUNDS, DEFAULT_MAX_ROUNDS,
                    "Follow-up calls per client request at most when answering the model's headroom_retrieve calls; "
                            + "a model still calling it after that many rounds gets its last answer passed on "
                            + "unchanged. 0 turns the retrieve loop off.",
                    Builder::maxRounds, RetrieveConfig::maxRounds)
            .longValue(ROUND_TIMEOUT_MS, DEFAULT_ROUND_TIMEOUT_MS,
                    "Longest time, in milliseconds, one follow-up call of the retrieve loop may take (the host "
                            + "bounds the call by it); a follow-up that exceeds it fails the exchange.",
                    Builder::roundTimeoutMs, RetrieveConfig::roundTimeoutMs)
            .row(new ConfigOption(SELF_URI, "string", DEFAULT_SELF_URI,
                            "Origin (scheme://host:port) at which a host that cannot re-run its downstream in-process "
                                    + "(the JAX-RS filter, Quarkus REST resources) sends the retrieve follow-ups to its own application; "
                                    + "unset = the loopback interface at the port the request came in on. Set it "
                                    + "when the application is behind a proxy or listens elsewhere."),
                    Builder::selfUri, c -> c.selfUri.isEmpty() ? null : c.selfUri);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final RetrieveConfig DEFAULTS = builder().build();

    private final int maxRounds;
    private final long roundTimeoutMs;
    private final String selfUri;

    private RetrieveConfig(Builder b) {
        this.maxRounds = b.maxRounds;
        this.roundTimeoutMs = b.roundTimeoutMs;
        this.selfUri = b.selfUri;
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

    /** Where follow-ups to the host's own application go ({@code scheme://host:port}); empty = loopback. */
    public String selfUri() { return selfUri; }

    /** {@link #roundTimeoutMs()} as a duration. */
    public Duration roundTimeout() { return Duration.ofMillis(roundTimeoutMs); }

    public Builder toBuilder() {
        return new Builder().maxRounds(maxRounds).roundTimeoutMs(roundTimeoutMs).selfUri(selfUri);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetrieveConfig c && maxRounds == c.maxRounds && roundTimeoutMs == c.roundTimeoutMs
                && selfUri.equals(c.selfUri);
    }

    @Override
    public int hashCode() {
        return (maxRounds * 31 + Long.hashCode(roundTimeoutMs)) * 31 + selfUri.hashCode();
    }

    @Override
    public String toString() {
        return "RetrieveConfig" + toProperties();
    }

    /** Mutable builder; each setter validates its value at once. */
    public static final class Builder {
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private long roundTimeoutMs = DEFAULT_ROUND_TIMEOUT_MS;
        private String selfUri = DEFAULT_SELF_URI;

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

        /** @param v an absolute http(s) origin such as {@code http://127.0.0.1:8080}, or blank for loopback */
        public Builder selfUri(String v) {
            String value = v == null ? "" : v.strip();
            if (!value.isEmpty()) {
                java.net.URI uri;
                try {
                    uri = java.net.URI.create(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException(SELF_URI, "not a URI: " + value);
                }
                if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme()))) {
                    throw new InvalidConfigException(SELF_URI, "expected scheme://host:port, got " + value);
                }
            }
            this.selfUri = value;
            return this;
        }

        public RetrieveConfig build() {
            return new RetrieveConfig(this);
        }
    }
}
