package io.headroom.ccr.redis;

import io.headroom.CcrStore;
import java.util.Optional;

/**
 * The engine's learned state in one key, {@code {prefix}:toin:state}: the JSON document the core's learning file
 * holds, written with SET and no time-to-live (the state is bounded by the core, which also refuses to load a
 * larger one). Every replica loads it at start and saves over it; last writer wins. A reset is DEL; a document
 * the core cannot use is RENAMEd to {@code {prefix}:toin:state:corrupt:<epoch millis>}. The key cannot collide
 * with an original's: those end in a hex hash, and neither {@code toin} nor {@code state} is one.
 *
 * <p>Redis faults are thrown (unchecked) to the core, which starts cold or logs once per outage.
 */
final class RedisLearnedState implements CcrStore.SharedDocument {
    private final RedisConnection redis;
    private final String key;
    private final String maskedUrl;

    RedisLearnedState(RedisConnection redis, String keyPrefix, String maskedUrl) {
        this.redis = redis;
        this.key = keyPrefix + ":toin:state";
        this.maskedUrl = maskedUrl;
    }

    String key() {
        return key;
    }

    @Override
    public long size() {
        long length = redis.commands().strlen(key);
        if (length > 0) return length;
        return redis.commands().exists(key) > 0 ? 0 : -1;
    }

    @Override
    public Optional<byte[]> read() {
        return Optional.ofNullable(redis.commands().get(key));
    }

    @Override
    public void write(byte[] document) {
        redis.commands().set(key, document);
    }

    @Override
    public void delete() {
        redis.commands().del(key);
    }

    @Override
    public String setAside() {
        String aside = key + ":corrupt:" + System.currentTimeMillis();
        redis.commands().rename(key, aside);
        return aside;
    }

    @Override
    public String toString() {
        return "Redis key " + key + " at " + maskedUrl;
    }
}
