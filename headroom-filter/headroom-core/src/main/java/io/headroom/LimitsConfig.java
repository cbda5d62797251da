package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What Headroom takes on: bodies above {@code max-body-bytes} are forwarded untouched (and hosts do not
 * buffer bodies that declare a larger length). Immutable; built by {@link #builder()}, whose setter refuses
 * an invalid value at once with an {@link InvalidConfigException} naming the option.
 */
public final class LimitsConfig {
    public static final String MAX_BODY_BYTES = "max-body-bytes";

    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    private static final PropertyTable<LimitsConfig, Builder> PROPERTIES = new PropertyTable<LimitsConfig, Builder>()
            .longValue(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES,
                    "Largest request body, in bytes, that is buffered and compressed; larger ones are forwarded untouched.",
                    Builder::maxBodyBytes, LimitsConfig::maxBodyBytes);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final LimitsConfig DEFAULTS = builder().build();

    private final long maxBodyBytes;

    private LimitsConfig(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
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

    public Builder toBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimitsConfig c && maxBodyBytes == c.maxBodyBytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxBodyBytes);
    }

    @Override
    public String toString() {
        return "LimitsConfig" + toProperties();
    }

    /** Mutable builder; the setter validates its value at once. */
    public static final class Builder {
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /** @param v at least 1 */
        public Builder maxBodyBytes(long v) {
            this.maxBodyBytes = Checks.positive(MAX_BODY_BYTES, v);
            return this;
        }

        public LimitsConfig build() {
            return new LimitsConfig(this);
        }
    }
}
