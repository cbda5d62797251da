package io.headroom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compress-cache-retrieve: whether compressed originals are kept so the model can ask for them, and the
 * embedded store that keeps them (an Ehcache heap tier, plus a crash-safe SQLite tier when
 * {@code ccr.disk-path} is set), with per-scope quotas so one caller cannot push out another's originals.
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
    /** When the persistent tier forces its commits to the disk: {@link CcrDiskSync}. */
    public static final String DISK_SYNC = "ccr.disk-sync";
    /** Originals one scope (a tenant, or the shared scope of anonymous callers) may hold. */
    public static final String SCOPE_MAX_ENTRIES = "ccr.scope-max-entries";
    /** Bytes of originals one scope may hold. */
    public static final String SCOPE_MAX_BYTES = "ccr.scope-max-bytes";
    /** Whether the headroom_retrieve tool is added to requests whose originals went to CCR. */
    public static final String INJECT_TOOL = "ccr.inject-tool";
    /** Whether items dropped earlier in a conversation are expanded into a new user turn that asks about them. */
    public static final String EXPANSION_ENABLED = "ccr.expansion.enabled";
    /** BM25 score a dropped item must reach against the new user message to be expanded. */
    public static final String EXPANSION_MIN_SCORE = "ccr.expansion.min-score";
    /** Tokens one proactive expansion may add to a request. */
    public static final String EXPANSION_MAX_TOKENS = "ccr.expansion.max-tokens";
    /** Conversations the context tracker remembers (least recently seen forgotten first). */
    public static final String EXPANSION_MAX_CONVERSATIONS = "ccr.expansion.max-conversations";
    /** Originals larger than this (UTF-8 bytes) are never stored, so their content is forwarded uncompressed. */
    public static final String MAX_ORIGINAL_BYTES = "ccr.max-original-bytes";
    /** Which store keeps the originals: {@code ehcache} (embedded) or {@code redis} (shared by replicas). */
    public static final String BACKEND = "ccr.backend";
    /** {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS. */
    public static final String REDIS_URL = "ccr.redis.url";
    public static final String REDIS_KEY_PREFIX = "ccr.redis.key-prefix";
    /** How long one Redis command may take before the put counts as refused (the content stays uncompressed). */
    public static final String REDIS_TIMEOUT_MS = "ccr.redis.timeout-ms";
    public static final String REDIS_CONNECT_TIMEOUT_MS = "ccr.redis.connect-timeout-ms";
    /** Whether start-up fails when Redis cannot be reached (false: start, and leave content uncompressed until it can). */
    public static final String REDIS_REQUIRED = "ccr.redis.required";

    public static final boolean DEFAULT_ENABLED = true;
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final long DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_DISK_SIZE_MB = 512;
    public static final CcrDiskSync DEFAULT_DISK_SYNC = CcrDiskSync.NORMAL;
    /** A fifth of the default max-entries: five full scopes before the store as a whole is full. */
    public static final long DEFAULT_SCOPE_MAX_ENTRIES = 2_000;
    public static final long DEFAULT_SCOPE_MAX_BYTES = 64L * 1024 * 1024;
    public static final boolean DEFAULT_INJECT_TOOL = true;
    public static final boolean DEFAULT_EXPANSION_ENABLED = true;
    /**
     * A query term found in few of the original's items scores about 2 (idf of one item in ten);
     * terms shared by most items score near 0, so 1.5 asks for at least one distinctive term.
     */
    public static final double DEFAULT_EXPANSION_MIN_SCORE = 1.5;
    public static final int DEFAULT_EXPANSION_MAX_TOKENS = 2_000;
    public static final int DEFAULT_EXPANSION_MAX_CONVERSATIONS = 1_000;
    public static final long DEFAULT_MAX_ORIGINAL_BYTES = 16L * 1024 * 1024;
    public static final String BACKEND_EHCACHE = "ehcache";
    public static final String BACKEND_REDIS = "redis";
    public static final String DEFAULT_BACKEND = BACKEND_EHCACHE;
    /** The original project's Redis key prefix: originals at {@code ccr:{hash}}. */
    public static final String DEFAULT_REDIS_KEY_PREFIX = "ccr";
    public static final long DEFAULT_REDIS_TIMEOUT_MS = 500;
    public static final long DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 2_000;
    public static final boolean DEFAULT_REDIS_REQUIRED = true;

    private static final PropertyTable<CcrConfig, Builder> PROPERTIES = new PropertyTable<CcrConfig, Builder>()
            .bool(ENABLED, DEFAULT_ENABLED, "Whether compressed originals are stored so they can be retrieved by hash.",
                    Builder::enabled, CcrConfig::enabled)
            .row(new ConfigOption(TTL_SECONDS, "long (seconds)", String.valueOf(DEFAULT_TTL.toSeconds()),
                            "How long a stored original stays retrievable."),
                    (b, v) -> b.ttl(Duration.ofSeconds(PropertyTable.parseLong(TTL_SECONDS, v))),
                    c -> String.valueOf(c.ttl().toSeconds()))
            .longValue(MAX_ENTRIES, DEFAULT_MAX_ENTRIES,
                    "Originals the heap holds. Heap only: the store's global cap; when it is full a put is refused "
                            + "(that output is forwarded uncompressed) rather than evicting another scope's original. "
                            + "With a disk path: the size of the heap cache in front of the disk tier.",
                    Builder::maxEntries, CcrConfig::maxEntries)
            .longValue(SCOPE_MAX_ENTRIES, DEFAULT_SCOPE_MAX_ENTRIES,
                    "Originals one scope (a tenant, or the shared scope of anonymous callers) may hold; beyond it the "
                            + "scope's own least recently used originals are evicted, never another scope's.",
                    Builder::scopeMaxEntries, CcrConfig::scopeMaxEntries)
            .longValue(SCOPE_MAX_BYTES, DEFAULT_SCOPE_MAX_BYTES,
                    "Bytes of originals (UTF-8) one scope may hold; beyond it the scope's own least recently used "
                            + "originals are evicted. A larger original is not stored (and not compressed).",
                    Builder::scopeMaxBytes, CcrConfig::scopeMaxBytes)
            .row(new ConfigOption(DISK_PATH, "path", "",
                            "Directory of the crash-safe persistent tier (SQLite, WAL mode): acknowledged originals survive "
                                    + "a restart, a crash and a SIGKILL. One process at a time. Unset keeps them on the heap only."),
                    (b, v) -> b.diskPath(PropertyTable.parsePath(DISK_PATH, v)),
                    c -> c.diskPath().map(Path::toString).orElse(null))
            .longValue(DISK_SIZE_MB, DEFAULT_DISK_SIZE_MB,
                    "Bytes of originals the disk tier holds, in MB (used only with a disk path): its global cap; when it "
                            + "is full a put is refused rather than evicting another scope's original.",
                    Builder::diskSizeMb, CcrConfig::diskSizeMb)
            .row(new ConfigOption(DISK_SYNC, Arrays.stream(CcrDiskSync.values()).map(CcrDiskSync::wireName)
                            .collect(Collectors.joining("|")), DEFAULT_DISK_SYNC.wireName(),
                            "normal: a committed original survives a process crash or SIGKILL, not a power loss; "
                                    + "full: fsync per put, survives a power loss too (slower)."),
                    (b, v) -> b.diskSync(PropertyTable.parse(DISK_SYNC, v, CcrDiskSync::parse)),
                    c -> c.diskSync().wireName())
            .bool(INJECT_TOOL, DEFAULT_INJECT_TOOL,
                    "Whether the headroom_retrieve tool is added to requests whose originals went to CCR.",
                    Builder::injectTool, CcrConfig::injectTool)
            .bool(EXPANSION_ENABLED, DEFAULT_EXPANSION_ENABLED,
                    "Context Tracker: whether items of originals compressed earlier in a conversation that match a new "
                            + "user message (BM25) are added to that message before the model asks for them.",
                    Builder::expansionEnabled, CcrConfig::expansionEnabled)
            .decimal(EXPANSION_MIN_SCORE, DEFAULT_EXPANSION_MIN_SCORE,
                    "BM25 score a dropped item must reach against the new user message to be expanded.",
                    Builder::expansionMinScore, CcrConfig::expansionMinScore)
            .integer(EXPANSION_MAX_TOKENS, DEFAULT_EXPANSION_MAX_TOKENS,
                    "Tokens one proactive expansion may add to a request; the best-matching items first.",
                    Builder::expansionMaxTokens, CcrConfig::expansionMaxTokens)
            .integer(EXPANSION_MAX_CONVERSATIONS, DEFAULT_EXPANSION_MAX_CONVERSATIONS,
                    "Conversations the Context Tracker remembers (hashes and dropped-item positions only, no content); "
                            + "the least recently seen is forgotten first.",
                    Builder::expansionMaxConversations, CcrConfig::expansionMaxConversations)
            .longValue(MAX_ORIGINAL_BYTES, DEFAULT_MAX_ORIGINAL_BYTES,
                    "Originals larger than this (UTF-8 bytes) are not stored, so that content is forwarded uncompressed.",
                    Builder::maxOriginalBytes, CcrConfig::maxOriginalBytes)
            .row(new ConfigOption(BACKEND, BACKEND_EHCACHE + "|" + BACKEND_REDIS, DEFAULT_BACKEND,
                            "Where originals are kept: ehcache, embedded (heap, plus the disk tier with a disk path); redis, "
                                    + "shared by every replica (needs io.headroom:headroom-ccr-redis on the class path)."),
                    (b, v) -> b.backend(v), CcrConfig::backend)
            .row(new ConfigOption(REDIS_URL, "URL", "",
                            "The Redis of the redis backend: redis://[user:password@]host:port[/db], rediss:// for TLS. "
                                    + "Logged with the password masked."),
                    (b, v) -> b.redisUrl(v), c -> c.redisUrl().orElse(null))
            .row(new ConfigOption(REDIS_KEY_PREFIX, "string", DEFAULT_REDIS_KEY_PREFIX,
                            "Key prefix of the redis backend: an original is at {prefix}:{hash}, as the original project keeps it."),
                    (b, v) -> b.redisKeyPrefix(v), CcrConfig::redisKeyPrefix)
            .longValue(REDIS_TIMEOUT_MS, DEFAULT_REDIS_TIMEOUT_MS,
                    "How long one Redis command may take; a put that times out counts as refused (content left uncompressed).",
                    Builder::redisTimeoutMs, CcrConfig::redisTimeoutMs)
            .longValue(REDIS_CONNECT_TIMEOUT_MS, DEFAULT_REDIS_CONNECT_TIMEOUT_MS,
                    "How long connecting to Redis may take.",
                    Builder::redisConnectTimeoutMs, CcrConfig::redisConnectTimeoutMs)
            .bool(REDIS_REQUIRED, DEFAULT_REDIS_REQUIRED,
                    "true: start-up fails, naming the URL, when Redis cannot be reached; false: start anyway and leave "
                            + "content uncompressed while Redis is unreachable.",
                    Builder::redisRequired, CcrConfig::redisRequired);

    /** Every option of this slice. */
    public static final List<ConfigOption> OPTIONS = PROPERTIES.options();

    private static final CcrConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final Duration ttl;
    private final long maxEntries;
    private final Path diskPath;
    private final long diskSizeMb;
    private final CcrDiskSync diskSync;
    private final long scopeMaxEntries;
    private final long scopeMaxBytes;
    private final boolean injectTool;
    private final boolean expansionEnabled;
    private final double expansionMinScore;
    private final int expansionMaxTokens;
    private final int expansionMaxConversations;
    private final long maxOriginalBytes;
    private final String backend;
    private final String redisUrl;
    private final String redisKeyPrefix;
    private final long redisTimeoutMs;
    private final long redisConnectTimeoutMs;
    private final boolean redisRequired;

    private CcrConfig(Builder b) {
        this.enabled = b.enabled;
        this.ttl = b.ttl;
        this.maxEntries = b.maxEntries;
        this.diskPath = b.diskPath;
        this.diskSizeMb = b.diskSizeMb;
        this.diskSync = b.diskSync;
        this.scopeMaxEntries = b.scopeMaxEntries;
        this.scopeMaxBytes = b.scopeMaxBytes;
        this.injectTool = b.injectTool;
        this.expansionEnabled = b.expansionEnabled;
        this.expansionMinScore = b.expansionMinScore;
        this.expansionMaxTokens = b.expansionMaxTokens;
        this.expansionMaxConversations = b.expansionMaxConversations;
        this.maxOriginalBytes = b.maxOriginalBytes;
        this.backend = b.backend;
        this.redisUrl = b.redisUrl;
        this.redisKeyPrefix = b.redisKeyPrefix;
        this.redisTimeoutMs = b.redisTimeoutMs;
        this.redisConnectTimeoutMs = b.redisConnectTimeoutMs;
        this.redisRequired = b.redisRequired;
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
    /** Bytes of originals the CCR disk tier holds, in MB (used only with a disk path). */
    public long diskSizeMb() { return diskSizeMb; }
    /** When the disk tier forces its commits to the disk. */
    public CcrDiskSync diskSync() { return diskSync; }
    /** Originals one scope may hold before its own least recently used are evicted. */
    public long scopeMaxEntries() { return scopeMaxEntries; }
    /** Bytes of originals one scope may hold before its own least recently used are evicted. */
    public long scopeMaxBytes() { return scopeMaxBytes; }
    /** The headroom_retrieve tool is added to requests whose originals went to CCR. */
    public boolean injectTool() { return injectTool; }
    /** Items dropped earlier in a conversation are expanded into a new user turn that matches them. */
    public boolean expansionEnabled() { return expansionEnabled; }
    /** BM25 score a dropped item must reach against the new user message. */
    public double expansionMinScore() { return expansionMinScore; }
    /** Tokens one proactive expansion may add. */
    public int expansionMaxTokens() { return expansionMaxTokens; }
    /** Conversations the Context Tracker remembers. */
    public int expansionMaxConversations() { return expansionMaxConversations; }
    /** Originals larger than this (UTF-8 bytes) are not stored (their content is forwarded uncompressed). */
    public long maxOriginalBytes() { return maxOriginalBytes; }
    /** The store's name: {@link #BACKEND_EHCACHE} or {@link #BACKEND_REDIS} (or a plugged {@code CcrBackend}'s). */
    public String backend() { return backend; }
    /** The redis backend's URL (it may hold a password: never log it as it is). */
    public Optional<String> redisUrl() { return Optional.ofNullable(redisUrl); }
    public String redisKeyPrefix() { return redisKeyPrefix; }
    public long redisTimeoutMs() { return redisTimeoutMs; }
    public long redisConnectTimeoutMs() { return redisConnectTimeoutMs; }
    /** Start-up fails when Redis cannot be reached. */
    public boolean redisRequired() { return redisRequired; }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).ttl(ttl).maxEntries(maxEntries).diskPath(diskPath)
                .diskSizeMb(diskSizeMb).diskSync(diskSync).scopeMaxEntries(scopeMaxEntries)
                .scopeMaxBytes(scopeMaxBytes).injectTool(injectTool).expansionEnabled(expansionEnabled)
                .expansionMinScore(expansionMinScore).expansionMaxTokens(expansionMaxTokens)
                .expansionMaxConversations(expansionMaxConversations).maxOriginalBytes(maxOriginalBytes)
                .backend(backend).redisUrl(redisUrl).redisKeyPrefix(redisKeyPrefix).redisTimeoutMs(redisTimeoutMs)
                .redisConnectTimeoutMs(redisConnectTimeoutMs).redisRequired(redisRequired);
    }

    /** Every option that has a value, as a property; the ttl in whole seconds. */
    public Map<String, String> toProperties() {
        return PROPERTIES.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcrConfig c && enabled == c.enabled && ttl.equals(c.ttl) && maxEntries == c.maxEntries
                && Objects.equals(diskPath, c.diskPath) && diskSizeMb == c.diskSizeMb && diskSync == c.diskSync
                && scopeMaxEntries == c.scopeMaxEntries && scopeMaxBytes == c.scopeMaxBytes && injectTool == c.injectTool
                && expansionEnabled == c.expansionEnabled && expansionMinScore == c.expansionMinScore
                && expansionMaxTokens == c.expansionMaxTokens && expansionMaxConversations == c.expansionMaxConversations
                && maxOriginalBytes == c.maxOriginalBytes && backend.equals(c.backend) && Objects.equals(redisUrl, c.redisUrl)
                && redisKeyPrefix.equals(c.redisKeyPrefix) && redisTimeoutMs == c.redisTimeoutMs
                && redisConnectTimeoutMs == c.redisConnectTimeoutMs && redisRequired == c.redisRequired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, ttl, maxEntries, diskPath, diskSizeMb, diskSync, scopeMaxEntries, scopeMaxBytes,
                injectTool, expansionEnabled, expansionMinScore, expansionMaxTokens, expansionMaxConversations,
                maxOriginalBytes, backend, redisUrl, redisKeyPrefix, redisTimeoutMs, redisConnectTimeoutMs,
                redisRequired);
    }

    @Override
    public String toString() {
        Map<String, String> shown = toProperties();
        shown.computeIfPresent(REDIS_URL, (k, v) -> RedisUrls.masked(v)); // a URL may carry the password
        return "CcrConfig" + shown;
    }

    /** Mutable builder; every setter validates its value at once. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private Duration ttl = DEFAULT_TTL;
        private long maxEntries = DEFAULT_MAX_ENTRIES;
        private Path diskPath;
        private long diskSizeMb = DEFAULT_DISK_SIZE_MB;
        private CcrDiskSync diskSync = DEFAULT_DISK_SYNC;
        private long scopeMaxEntries = DEFAULT_SCOPE_MAX_ENTRIES;
        private long scopeMaxBytes = DEFAULT_SCOPE_MAX_BYTES;
        private boolean injectTool = DEFAULT_INJECT_TOOL;
        private boolean expansionEnabled = DEFAULT_EXPANSION_ENABLED;
        private double expansionMinScore = DEFAULT_EXPANSION_MIN_SCORE;
        private int expansionMaxTokens = DEFAULT_EXPANSION_MAX_TOKENS;
        private int expansionMaxConversations = DEFAULT_EXPANSION_MAX_CONVERSATIONS;
        private long maxOriginalBytes = DEFAULT_MAX_ORIGINAL_BYTES;
        private String backend = DEFAULT_BACKEND;
        private String redisUrl;
        private String redisKeyPrefix = DEFAULT_REDIS_KEY_PREFIX;
        private long redisTimeoutMs = DEFAULT_REDIS_TIMEOUT_MS;
        private long redisConnectTimeoutMs = DEFAULT_REDIS_CONNECT_TIMEOUT_MS;
        private boolean redisRequired = DEFAULT_REDIS_REQUIRED;

        private Builder() {
        }

        /** @param v at least 1 */
        public Builder maxOriginalBytes(long v) {
            this.maxOriginalBytes = Checks.positive(MAX_ORIGINAL_BYTES, v);
            return this;
        }

        /** @param v a backend name: lower-case letters, digits and '-' ({@code ehcache}, {@code redis}) */
        public Builder backend(String v) {
            Checks.present(BACKEND, v);
            String name = v.trim().toLowerCase(java.util.Locale.ROOT);
            if (!name.matches("[a-z0-9-]{1,32}")) throw Checks.invalid(BACKEND, v, "must be ehcache or redis");
            this.backend = name;
            return this;
        }

        /** @param v a redis:// or rediss:// URL, or null/blank for none */
        public Builder redisUrl(String v) {
            if (v == null || v.isBlank()) {
                this.redisUrl = null;
                return this;
            }
            String url = v.trim();
            if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
                throw Checks.invalid(REDIS_URL, RedisUrls.masked(url), "must start with redis:// or rediss://");
            }
            this.redisUrl = url;
            return this;
        }

        /** @param v letters, digits and {@code _ - . :}, 1 to 64 characters (it becomes part of every key) */
        public Builder redisKeyPrefix(String v) {
            Checks.present(REDIS_KEY_PREFIX, v);
            if (!v.matches("[A-Za-z0-9_.:-]{1,64}")) {
                throw Checks.invalid(REDIS_KEY_PREFIX, v, "must be 1-64 of letters, digits, _ - . :");
            }
            this.redisKeyPrefix = v;
            return this;
        }

        /** @param v at least 1 */
        public Builder redisTimeoutMs(long v) {
            this.redisTimeoutMs = Checks.positive(REDIS_TIMEOUT_MS, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder redisConnectTimeoutMs(long v) {
            this.redisConnectTimeoutMs = Checks.positive(REDIS_CONNECT_TIMEOUT_MS, v);
            return this;
        }

        public Builder redisRequired(boolean v) {
            this.redisRequired = v;
            return this;
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

        public Builder diskSync(CcrDiskSync v) {
            this.diskSync = Checks.present(DISK_SYNC, v);
            return this;
        }

        /** @param v at least 1 (a scope's effective quota is also never above max-entries on the heap) */
        public Builder scopeMaxEntries(long v) {
            this.scopeMaxEntries = Checks.positive(SCOPE_MAX_ENTRIES, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder scopeMaxBytes(long v) {
            this.scopeMaxBytes = Checks.positive(SCOPE_MAX_BYTES, v);
            return this;
        }

        public Builder injectTool(boolean v) {
            this.injectTool = v;
            return this;
        }

        public Builder expansionEnabled(boolean v) {
            this.expansionEnabled = v;
            return this;
        }

        /** @param v above 0 */
        public Builder expansionMinScore(double v) {
            this.expansionMinScore = Checks.positive(EXPANSION_MIN_SCORE, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder expansionMaxTokens(int v) {
            this.expansionMaxTokens = Checks.positive(EXPANSION_MAX_TOKENS, v);
            return this;
        }

        /** @param v at least 1 */
        public Builder expansionMaxConversations(int v) {
            this.expansionMaxConversations = Checks.positive(EXPANSION_MAX_CONVERSATIONS, v);
            return this;
        }

        public CcrConfig build() {
            return new CcrConfig(this);
        }
    }
}
