package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What Headroom takes on: bodies above {@code max-body-bytes} are forwarded untouched (and hosts do not
 * buffer bodies that declare a larger length), and a request still being compressed
 * {@code compression-deadline-ms} after it reached the pipeline goes on as sent. Immutable; built by {@link #builder()}, whose setter refuses
 * an invalid value at once with an {@link InvalidConfigException} naming the option.
 */
public final class LimitsConfig {
    public static final String MAX_BODY_BYTES = "max-body-bytes";
    public static final String COMPRESSION_DEADLINE_MS = "compression-deadline-ms";

    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    /**
     * Two seconds: a 1K-item tool output compresses in a few milliseconds, so only pathological input gets
     * near it (a million tiny messages, 38 MB, take about 3 s of CPU to fit into the context window and go
     * on as sent), while a client waiting on its provider is not held up for long.
     */
    public static final long DEFAULT_COMPRESSION_DEADLINE_MS = 2000;

    private static final PropertyTable<LimitsConfig, Builder> PROPERTIES = new PropertyTable<LimitsConfig, Builder>()
            .longValue(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES,
                    "Largest request body, in bytes, that is buffered and compressed; larger ones are forwarded untouched. "
                            + "Also the most of a non-streamed model answer the retrieve loop buffers: a larger one is relayed as it came.",
                    Builder::maxBodyBytes, LimitsConfig::maxBodyBytes)
            .longValue(COMPRESSION_DEADLINE_MS, DEFAULT_COMPRESSION_DEADLINE_MS,
                    "Milliseconds one request may spend in the pipeline; past it the original goes on unchanged "
                            + "(fail open), counted as a 'deadline' pass. Checked between units of work, never by interrupting.",
                    Builder::compressionDeadlineMs, LimitsConfig::compressionDeadlineMs);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final LimitsConfig DEFAULTS = builder().build();

    private final long maxBodyBytes;
    private final long compressionDeadlineMs;

    private LimitsConfig(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.compressionDeadlineMs = b.compressionDeadlineMs;
    }

    public static LimitsConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static LimitsConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map (what {@link #toProperties()} writes reads back to an equal slice). */
    public static LimitsConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Largest request body (bytes, as received) that is buffered and compressed. */
    public long maxBodyBytes() { return maxBodyBytes; }
    /** Milliseconds one request may spend in the pipeline before the original is forwarded instead. */
    public long compressionDeadlineMs() { return compressionDeadlineMs; }

    public Builder toBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes).compressionDeadlineMs(compressionDeadlineMs);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimitsConfig c && maxBodyBytes == c.maxBodyBytes
                && compressionDeadlineMs == c.compressionDeadlineMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxBodyBytes) * 31 + Long.hashCode(compressionDeadlineMs);
    }

    @Override
    public String toString() {
        return "LimitsConfig" + toProperties();
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long compressionDeadlineMs = DEFAULT_COMPRESSION_DEADLINE_MS;

        private Builder() {
        }

        /** @param v at least 1 */
        public Builder maxBodyBytes(long v) {
            this.maxBodyBytes = Checks.positive(MAX_BODY_BYTES, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder compressionDeadlineMs(long v) {
            this.compressionDeadlineMs = Checks.positive(COMPRESSION_DEADLINE_MS, v);
            return this;
        }

        public LimitsConfig build() {
            return new LimitsConfig(this);
        }
    }
}
