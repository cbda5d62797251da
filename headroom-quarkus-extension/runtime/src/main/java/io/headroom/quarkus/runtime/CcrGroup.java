package io.headroom.quarkus.runtime;

import io.headroom.CcrDiskSync;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Compress-cache-retrieve (CCR) options ({@code io.headroom.CcrConfig}). Unset keys take the core's defaults. */
public interface CcrGroup {

    /** Whether compressed originals are stored so they can be retrieved by hash. */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();

    /** How long a stored original stays retrievable. */
    @ConfigDocDefault("1H")
    Optional<Duration> ttl();

    /**
     * Originals the heap holds. Heap only: the store's global cap; when it is full a put is refused (that
     * output is forwarded uncompressed) rather than evicting another scope's original. With
     * {@code disk-path}: the size of the heap cache in front of the disk tier.
     */
    @ConfigDocDefault("10000")
    OptionalLong maxEntries();

    /**
     * Originals one scope (a tenant, or the shared scope of anonymous callers) may hold; beyond it the
     * scope's own least recently used originals are evicted, never another scope's.
     */
    @ConfigDocDefault("2000")
    OptionalLong scopeMaxEntries();

    /**
     * Bytes of originals (UTF-8) one scope may hold; beyond it the scope's own least recently used
     * originals are evicted. A larger original is not stored, and therefore not compressed.
     */
    @ConfigDocDefault("67108864")
    OptionalLong scopeMaxBytes();

    /**
     * Directory of the crash-safe persistent tier (SQLite in WAL mode): acknowledged originals survive a
     * restart, a crash and a SIGKILL. One process at a time. Unset keeps them on the heap only.
     */
    Optional<Path> diskPath();

    /**
     * Bytes of originals the disk tier holds, in megabytes (used only with {@code disk-path}): its global
     * cap; when it is full a put is refused rather than evicting another scope's original.
     */
    @ConfigDocDefault("512")
    OptionalLong diskSizeMb();

    /**
     * {@code normal}: a committed original survives a process crash or SIGKILL, not a power loss;
     * {@code full}: fsync per put, survives a power loss too (slower).
     */
    @ConfigDocDefault("normal")
    Optional<CcrDiskSync> diskSync();

    /**
     * Whether the {@code headroom_retrieve} tool is added to requests whose originals went to CCR, so
     * the model can ask for what was left out.
     */
    @ConfigDocDefault("true")
    Optional<Boolean> injectTool();

    /** The Context Tracker: items dropped earlier in a conversation expanded into a new user turn that asks about them. */
    CcrExpansionGroup expansion();

    /**
     * Originals larger than this (UTF-8 bytes) are not stored, so that content is forwarded uncompressed.
     */
    @ConfigDocDefault("16777216")
    OptionalLong maxOriginalBytes();

    /**
     * Where originals are kept: {@code ehcache}, embedded (heap, plus the disk tier with {@code disk-path});
     * {@code redis}, shared by every replica (needs {@code io.headroom:headroom-ccr-redis}, which the sample
     * gateway includes). Env: {@code QUARKUS_HEADROOM_CCR_BACKEND}.
     */
    @ConfigDocDefault("ehcache")
    Optional<String> backend();

    /** The redis backend. */
    RedisGroup redis();

    /** {@code quarkus.headroom.ccr.redis.*}: the redis CCR backend. */
    interface RedisGroup {
        /**
         * {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS. Logged with the password
         * masked. Env: {@code QUARKUS_HEADROOM_CCR_REDIS_URL}.
         */
        Optional<String> url();

        /** Key prefix: an original is at {@code {prefix}:{hash}}, as the original project keeps it. */
        @ConfigDocDefault("ccr")
        Optional<String> keyPrefix();

        /** How long one Redis command may take; a put that times out counts as refused (content left uncompressed). */
        @ConfigDocDefault("500")
        OptionalLong timeoutMs();

        /** How long connecting to Redis may take. */
        @ConfigDocDefault("2000")
        OptionalLong connectTimeoutMs();

        /**
         * {@code true}: start-up fails, naming the URL, when Redis cannot be reached; {@code false}: start anyway
         * and leave content uncompressed while Redis is unreachable.
         */
        @ConfigDocDefault("true")
        Optional<Boolean> required();
    }
}
