package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compression of source code in tool outputs (function bodies collapsed). Off by default: code is usually
 * read to be worked on. Immutable; built by {@link #builder()}.
 */
public final class CodeCompressionConfig {
    public static final String ENABLED = "code-compression.enabled";

    public static final boolean DEFAULT_ENABLED = false;

    private static final PropertyTable<CodeCompressionConfig, Builder> PROPERTIES =
            new PropertyTable<CodeCompressionConfig, Builder>()
                    .bool(ENABLED, DEFAULT_ENABLED,
                            "Whether function bodies in source-code tool outputs are collapsed.",
                            Builder::enabled, CodeCompressionConfig::enabled);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final CodeCompressionConfig DEFAULTS = builder().build();

    private final boolean enabled;

    private CodeCompressionConfig(Builder b) {
        this.enabled = b.enabled;
    }

    public static CodeCompressionConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static CodeCompressionConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map (what {@link #toProperties()} writes reads back to an equal slice). */
    public static CodeCompressionConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Source code bodies are collapsed only when true. */
    public boolean enabled() { return enabled; }

    public Builder toBuilder() {
        return new Builder().enabled(enabled);
    }

    /** Every option as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeCompressionConfig c && enabled == c.enabled;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(enabled);
    }

    @Override
    public String toString() {
        return "CodeCompressionConfig" + toProperties();
    }

    /** Mutable builder. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        public CodeCompressionConfig build() {
            return new CodeCompressionConfig(this);
        }
    }
}
