package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How hosts read request bodies: how long a sender may stay silent, and how many body bytes a host holds at
 * once across all requests. Read by the hosts (servlet init-params, {@code quarkus.headroom.*}, the Vert.x
 * handler's builder) under these names; the pipeline never sees it. Immutable; the setters refuse an invalid
 * value at once with an {@link InvalidConfigException} naming the option.
 */
public final class BodyReadConfig {
    public static final String BODY_READ_TIMEOUT_MS = "body-read-timeout-ms";
    public static final String MAX_BUFFERED_BODY_BYTES = "max-buffered-body-bytes";

    public static final long DEFAULT_BODY_READ_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_MAX_BUFFERED_BODY_BYTES = 256L * 1024 * 1024;

    private static final PropertyTable<BodyReadConfig, Builder> PROPERTIES = new PropertyTable<BodyReadConfig, Builder>()
            .longValue(BODY_READ_TIMEOUT_MS, DEFAULT_BODY_READ_TIMEOUT_MS,
                    "Longest silence, in milliseconds, between two chunks of a request body Headroom reads; "
                            + "after it the request is answered 408 and the connection closed.",
                    Builder::bodyReadTimeoutMs, BodyReadConfig::bodyReadTimeoutMs)
            .longValue(MAX_BUFFERED_BODY_BYTES, DEFAULT_MAX_BUFFERED_BODY_BYTES,
                    "Most request-body bytes a host reads for Headroom at once, across all requests, counted by "
                            + "declared length (or the read limit when none is declared); a body that does not fit "
                            + "goes on unread and uncompressed.",
                    Builder::maxBufferedBodyBytes, BodyReadConfig::maxBufferedBodyBytes);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final BodyReadConfig DEFAULTS = builder().build();

    private final long bodyReadTimeoutMs;
    private final long maxBufferedBodyBytes;

    private BodyReadConfig(Builder b) {
        this.bodyReadTimeoutMs = b.bodyReadTimeoutMs;
        this.maxBufferedBodyBytes = b.maxBufferedBodyBytes;
    }

    public static BodyReadConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static BodyReadConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    public static BodyReadConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Longest silence between two body chunks, in milliseconds. */
    public long bodyReadTimeoutMs() { return bodyReadTimeoutMs; }

    /** Most body bytes held at once across requests. */
    public long maxBufferedBodyBytes() { return maxBufferedBodyBytes; }

    public Builder toBuilder() {
        return new Builder().bodyReadTimeoutMs(bodyReadTimeoutMs).maxBufferedBodyBytes(maxBufferedBodyBytes);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyReadConfig c && bodyReadTimeoutMs == c.bodyReadTimeoutMs
                && maxBufferedBodyBytes == c.maxBufferedBodyBytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bodyReadTimeoutMs) * 31 + Long.hashCode(maxBufferedBodyBytes);
    }

    @Override
    public String toString() {
        return "BodyReadConfig" + toProperties();
    }

    /** Mutable builder; each setter validates its value at once. */
    public static final class Builder {
        private long bodyReadTimeoutMs = DEFAULT_BODY_READ_TIMEOUT_MS;
        private long maxBufferedBodyBytes = DEFAULT_MAX_BUFFERED_BODY_BYTES;

        private Builder() {
        }

        /** @param v at least 1 */
        public Builder bodyReadTimeoutMs(long v) {
            this.bodyReadTimeoutMs = Checks.positive(BODY_READ_TIMEOUT_MS, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder maxBufferedBodyBytes(long v) {
            this.maxBufferedBodyBytes = Checks.positive(MAX_BUFFERED_BODY_BYTES, v);
            return this;
        }

        public BodyReadConfig build() {
            return new BodyReadConfig(this);
        }
    }
}
