package io.headroom;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider prompt caching: the cache aligner (dynamic content such as dates and ids moved from the system
 * prompt to its end, so the prefix stays byte-identical) and Anthropic {@code cache_control} breakpoints on
 * that stable prefix. The aligner rewrites system prompt text, which Headroom otherwise never does, so it is
 * off unless {@value #ENABLED} is set; the breakpoints add a {@code cache_control} field and leave every
 * text as it is. Immutable; built by {@link #builder()}, whose setters refuse an invalid value at once
 * with an {@link InvalidConfigException} naming the option.
 */
public final class CacheAlignerConfig {
    public static final String ENABLED = "cache-aligner.enabled";
    /** Extra dynamic-content regexes, comma-separated (see {@link PatternList}). */
    public static final String PATTERNS = "cache-aligner.patterns";
    public static final String CACHE_CONTROL_ENABLED = "cache-control.enabled";

    /** Off: system prompts are never changed unless the operator opts in. */
    public static final boolean DEFAULT_ENABLED = false;
    public static final List<String> DEFAULT_PATTERNS = List.of();
    public static final boolean DEFAULT_CACHE_CONTROL_ENABLED = true;

    private static final PropertyTable<CacheAlignerConfig, Builder> PROPERTIES =
            new PropertyTable<CacheAlignerConfig, Builder>()
                    .bool(ENABLED, DEFAULT_ENABLED,
                            "Opt-in: rewrite the system prompt so provider prompt caches hit: dates, times, timestamps, UUIDs, "
                                    + "hex/request/session ids and the configured patterns are cut out of the system content "
                                    + "(with the whitespace or punctuation joining them) and listed, in order, in one "
                                    + "'[Dynamic context]' block at its end. Off: the system prompt's text is never changed.",
                            Builder::enabled, CacheAlignerConfig::enabled)
                    .row(new ConfigOption(PATTERNS, "comma-separated regular expressions", PatternList.join(DEFAULT_PATTERNS),
                                    "Extra dynamic-content patterns beyond the built-in ones (a comma inside (), [] or {}, or escaped, does not separate)."),
                            (b, v) -> b.patterns(PatternList.split(v)),
                            c -> c.patterns().isEmpty() ? null : PatternList.join(c.patterns()))
                    .bool(CACHE_CONTROL_ENABLED, DEFAULT_CACHE_CONTROL_ENABLED,
                            "Whether Anthropic cache_control breakpoints are placed on the stable prefix.",
                            Builder::cacheControlEnabled, CacheAlignerConfig::cacheControlEnabled);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final CacheAlignerConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final List<String> patterns;
    private final boolean cacheControlEnabled;

    private CacheAlignerConfig(Builder b) {
        this.enabled = b.enabled;
        this.patterns = b.patterns;
        this.cacheControlEnabled = b.cacheControlEnabled;
    }

    public static CacheAlignerConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static CacheAlignerConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map (what {@link #toProperties()} writes reads back to an equal slice). */
    public static CacheAlignerConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    /** Dynamic content (dates, times, ids) is moved from the system prompt to its end (opt-in, off by default). */
    public boolean enabled() { return enabled; }
    /** Extra dynamic-content regexes beyond the built-in ones (valid, unmodifiable). */
    public List<String> patterns() { return patterns; }
    /** Anthropic cache_control breakpoints are placed on the stable prefix. */
    public boolean cacheControlEnabled() { return cacheControlEnabled; }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).patterns(patterns).cacheControlEnabled(cacheControlEnabled);
    }

    /** Every option that has a value, as a property. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheAlignerConfig c && enabled == c.enabled && patterns.equals(c.patterns)
                && cacheControlEnabled == c.cacheControlEnabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, patterns, cacheControlEnabled);
    }

    @Override
    public String toString() {
        return "CacheAlignerConfig" + toProperties();
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private List<String> patterns = DEFAULT_PATTERNS;
        private boolean cacheControlEnabled = DEFAULT_CACHE_CONTROL_ENABLED;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        /** @param v regular expressions; each must compile */
        public Builder patterns(List<String> v) {
            for (String p : Checks.present(PATTERNS, v)) {
                Checks.present(PATTERNS, p);
            }
            List<String> copy = List.copyOf(v);
            PatternList.compile(PATTERNS, copy);
            this.patterns = copy;
            return this;
        }

        public Builder cacheControlEnabled(boolean v) {
            this.cacheControlEnabled = v;
            return this;
        }

        public CacheAlignerConfig build() {
            return new CacheAlignerConfig(this);
        }
    }
}
