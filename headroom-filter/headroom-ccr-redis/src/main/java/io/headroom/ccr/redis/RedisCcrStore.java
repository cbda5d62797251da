package io.headroom.ccr.redis;

import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * CCR originals in Redis, shared by every replica that points at the same Redis (layout: {@link RedisKeys}).
 * Each put and each retrieval is one Lua script: atomic, one round trip, so a replica never sees the payload
 * without its metadata and retrieval counts never lose an increment.
 *
 * <p>Fail open: an unreachable or slow Redis makes {@link #put} answer false (the pipeline then leaves that
 * content uncompressed, so no marker points at an original that was not stored) and {@link #retrieve} answer
 * empty; nothing throws to the request. Counters ({@link #stats()}) are this replica's; {@code entries} and
 * {@code bytes} are not tracked (0): they belong to the shared Redis (its {@code INFO keyspace}).
 */
public final class RedisCcrStore implements CcrStore {
    /**
     * KEYS: payload, meta, retrievals. ARGV: payload, ttl seconds, original tokens, original items, kept items,
     * created-at epoch millis, tool name ("" for none). Returns 1 for a new original, 0 for a re-stored one
     * (its TTL restarted, its retrieval count kept).
     */
    private static final String PUT = """
            local new = redis.call('EXISTS', KEYS[1]) == 0 and 1 or 0
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            redis.call('HSET', KEYS[2], 'original_tokens', ARGV[3], 'original_item_count', ARGV[4],
                'compressed_item_count', ARGV[5], 'created_at', ARGV[6], 'tool_name', ARGV[7])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            if new == 1 then redis.call('DEL', KEYS[3]) else redis.call('EXPIRE', KEYS[3], ARGV[2]) end
            return new
            """;
    /** KEYS: payload, meta, retrievals. Returns nil, or {payload, retrieval count, flat meta field/value list}. */
    private static final String RETRIEVE = """
            local v = redis.call('GET', KEYS[1])
            if not v then return nil end
            local n = redis.call('INCR', KEYS[3])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then redis.call('PEXPIRE', KEYS[3], ttl) end
            return {v, n, redis.call('HGETALL', KEYS[2])}
            """;

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final long ttlSeconds;
    private final long maxOriginalBytes;
    private final Outage outage;
    private final RedisLearnedState learnedState;
    private final LongAdder stored = new LongAdder();
    private final LongAdder retrievals = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder refused = new LongAdder();

    RedisCcrStore(RedisConnection redis, String keyPrefix, Duration ttl, long maxOriginalBytes, String maskedUrl) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.maxOriginalBytes = maxOriginalBytes;
        this.outage = new Outage(maskedUrl);
        this.learnedState = new RedisLearnedState(redis, keyPrefix, maskedUrl);
    }

    /** The learned state shared by every replica on this Redis: {@code {prefix}:toin:state}. */
    @Override
    public Optional<SharedDocument> learnedState() {
        return Optional.of(learnedState);
    }

    @Override
    public boolean put(String scope, String hash, CcrEntry entry) {
        if (!RedisKeys.validHash(hash)) {
            refused.increment();
            return false;
        }
        byte[] payload = entry.original().getBytes(StandardCharsets.UTF_8);
        if (payload.length > maxOriginalBytes) {
            refused.increment();
            return false;
        }
        try {
            Long isNew = redis.commands().eval(PUT, ScriptOutputType.INTEGER,
                    new String[] {keys.original(scope, hash), keys.meta(scope, hash), keys.retrievals(scope, hash)},
                    payload, ascii(ttlSeconds), ascii(entry.originalTokens()), ascii(entry.originalItemCount()),
                    ascii(entry.compressedItemCount()), ascii(entry.createdAt().toEpochMilli()),
                    (entry.toolName() == null ? "" : entry.toolName()).getBytes(StandardCharsets.UTF_8));
            outage.answered();
            if (isNew != null && isNew == 1L) stored.increment();
            return true;
        } catch (RuntimeException e) {
            outage.failed(e);
            refused.increment();
            return false;
        }
    }

    @Override
    public boolean contains(String scope, String hash) {
        if (!RedisKeys.validHash(hash)) return false;
        try {
            boolean held = redis.commands().exists(keys.original(scope, hash)) > 0;
            outage.answered();
            return held;
        } catch (RuntimeException e) {
            outage.failed(e);
            return false;
        }
    }

    @Override
    public Optional<CcrHit> retrieve(String scope, String hash) {
        if (!RedisKeys.validHash(hash)) {
            misses.increment();
            return Optional.empty();
        }
        List<Object> found;
        try {
            found = redis.commands().eval(RETRIEVE, ScriptOutputType.MULTI,
                    keys.original(scope, hash), keys.meta(scope, hash), keys.retrievals(scope, hash));
            outage.answered();
        } catch (RuntimeException e) {
            outage.failed(e);
            misses.increment();
            return Optional.empty();
        }
        if (found == null || found.isEmpty() || !(found.get(0) instanceof byte[])) { // nil: Lettuce reads [null]
            misses.increment();
            return Optional.empty();
        }
        retrievals.increment();
        return Optional.of(hit(hash, found));
    }

    /** An original written by the original project has no metadata: its counts read 0. */
    private static CcrHit hit(String hash, List<Object> found) {
        String original = new String((byte[]) found.get(0), StandardCharsets.UTF_8);
        long count = (Long) found.get(1);
        Map<String, String> meta = new HashMap<>();
        if (found.size() > 2 && found.get(2) instanceof List<?> flat) {
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                meta.put(text(flat.get(i)), text(flat.get(i + 1)));
            }
        }
        String tool = meta.getOrDefault("tool_name", "");
        long createdAt = number(meta.get("created_at"));
        CcrEntry entry = new CcrEntry(original, (int) number(meta.get("original_tokens")),
                (int) number(meta.get("original_item_count")), (int) number(meta.get("compressed_item_count")),
                tool.isEmpty() ? null : tool, createdAt > 0 ? Instant.ofEpochMilli(createdAt) : Instant.now());
        return new CcrHit(hash, entry, count);
    }

    private static String text(Object value) {
        return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static long number(String value) {
        if (value == null) return 0;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public CcrStats stats() {
        return new CcrStats(0, stored.sum(), retrievals.sum(), misses.sum(), 0, 0, refused.sum());
    }

    /** True when the connection to Redis is up and the last command answered. */
    public boolean reachable() {
        return redis.isOpen() && !outage.isDown();
    }

    @Override
    public void close() {
        redis.close();
    }
}
