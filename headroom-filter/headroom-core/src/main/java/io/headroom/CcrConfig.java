package io.headroom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compress-cache-retrieve: whether compressed originals are kept so the model can ask for them, and the
 * embedded store that keeps them (heap, plus a persistent disk tier when {@code ccr.disk-path} is set).
 * Immutable; built by {@link #builder()}, whose setters refuse an invalid value at once with an
 * {@link InvalidConfigException} naming the option.
 */
public final class CcrConfig {
    public static final String ENABLED = "ccr.enabled";
    public static final String TTL_SECONDS = "ccr.ttl-seconds";
    public static final String MAX_ENTRIES = "ccr.max-entries";
    /** Directory of the persistent CCR tier; unset keeps originals on the heap only. */
    public static final String DISK_PATH = "ccr.disk-path";
    public static final String DISK_SIZE_MB = "ccr.disk-size-mb";
    /** Whether the headroom_retrieve tool is added to requests whose originals went to CCR. */
    public static final String INJECT_TOOL = "ccr.inject-tool";

    public static final boolean DEFAULT_ENABLED = true;
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final long DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_DISK_SIZE_MB = 512;
    public static final boolean DEFAULT_INJECT_TOOL = true;

    private static final PropertyTable<CcrConfig, Builder> PROPERTIES = new PropertyTable<CcrConfig, Builder>()
            .bool(ENABLED, DEFAULT_ENABLED, "Whether compressed originals are stored so they can be retrieved by hash.",
                    Builder::enabled, CcrConfig::enabled)
            .row(new ConfigOption(TTL_SECONDS, "long (seconds)", String.valueOf(DEFAULT_TTL.toSeconds()),
                            "How long a stored original stays retrievable."),
                    (b, v) -> b.ttl(Duration.ofSeconds(PropertyTable.parseLong(TTL_SECONDS, v))),
                    c -> String.valueOf(c.ttl().toSeconds()))
            .longValue(MAX_ENTRIES, DEFAULT_MAX_ENTRIES,
                    "Maximum number of originals held; the least recently used are evicted first.",
                    Builder::maxEntries, CcrConfig::maxEntries)
            .row(new ConfigOption(DISK_PATH, "path", "",
                            "Directory of a persistent tier: originals then survive a restart. Unset keeps them on the heap only."),
                    (b, v) -> b.diskPath(PropertyTable.parsePath(DISK_PATH, v)),
                    c -> c.diskPath().map(Path::toString).orElse(null))
            .longValue(DISK_SIZE_MB, DEFAULT_DISK_SIZE_MB,
                    "Size of the disk tier in MB (used only with a disk path); a larger original than 1/16 of it is not stored.",
                    Builder::diskSizeMb, CcrConfig::diskSizeMb)
            .bool(INJECT_TOOL, DEFAULT_INJECT_TOOL,
                    "Whether the headroom_retrieve tool is added to requests whose originals went to CCR.",
                    Builder::injectTool, CcrConfig::injectTool);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final CcrConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final Duration ttl;
    private final long maxEntries;
    private final Path diskPath;
    private final long diskSizeMb;
    private final boolean injectTool;

    private CcrConfig(Builder b) {
        this.enabled = b.enabled;
        this.ttl = b.ttl;
        this.maxEntries = b.maxEntries;
        this.diskPath = b.diskPath;
        this.diskSizeMb = b.diskSizeMb;
        this.injectTool = b.injectTool;
    }

    public static CcrConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads this slice's options by property name; absent or blank values keep the default. */
    public static CcrConfig fromProperties(Function<String, String> lookup) {
        return PROPERTIES.read(lookup, builder()).build();
    }

    /** As {@link #fromProperties}, over a map (what {@link #toProperties()} writes reads back to an equal slice). */
    public static CcrConfig fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    public boolean enabled() { return enabled; }
    public Duration ttl() { return ttl; }
    public long maxEntries() { return maxEntries; }
    /** Directory of the persistent CCR tier (originals survive a restart); empty for heap only. */
    public Optional<Path> diskPath() { return Optional.ofNullable(diskPath); }
    /** Size of the CCR disk tier in MB (used only with a disk path). */
    public long diskSizeMb() { return diskSizeMb; }
    /** The headroom_retrieve tool is added to requests whose originals went to CCR. */
    public boolean injectTool() { return injectTool; }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).ttl(ttl).maxEntries(maxEntries).diskPath(diskPath)
                .diskSizeMb(diskSizeMb).injectTool(injectTool);
    }

    /** Every option that has a value, as a property; the ttl in whole seconds. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcrConfig c && enabled == c.enabled && ttl.equals(c.ttl) && maxEntries == c.maxEntries
                && Objects.equals(diskPath, c.diskPath) && diskSizeMb == c.diskSizeMb && injectTool == c.injectTool;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, ttl, maxEntries, diskPath, diskSizeMb, injectTool);
    }

    @Override
    public String toString() {
        return "CcrConfig" + toProperties();
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private Duration ttl = DEFAULT_TTL;
        private long maxEntries = DEFAULT_MAX_ENTRIES;
        private Path diskPath;
        private long diskSizeMb = DEFAULT_DISK_SIZE_MB;
        private boolean injectTool = DEFAULT_INJECT_TOOL;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        /** @param v above zero (read from properties in whole seconds) */
        public Builder ttl(Duration v) {
            Checks.present(TTL_SECONDS, v);
            if (v.isNegative() || v.isZero()) throw Checks.invalid(TTL_SECONDS, v.toSeconds(), "must be > 0");
            this.ttl = v;
            return this;
        }

        /** @param v at least 1 */
        public Builder maxEntries(long v) {
            this.maxEntries = Checks.positive(MAX_ENTRIES, v);
            return this;
        }

        /** @param v directory of the persistent tier, or null for heap only */
        public Builder diskPath(Path v) {
            this.diskPath = v;
            return this;
        }

        /** @param v at least 1 */
        public Builder diskSizeMb(long v) {
            this.diskSizeMb = Checks.positive(DISK_SIZE_MB, v);
            return this;
        }

        public Builder injectTool(boolean v) {
            this.injectTool = v;
            return this;
        }

        public CcrConfig build() {
            return new CcrConfig(this);
        }
    }
}
