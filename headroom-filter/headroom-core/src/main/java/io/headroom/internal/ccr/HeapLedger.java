package io.headroom.internal.ccr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of the heap-only store: which keys are held, in which scope, how large, until when, and
 * in which order each scope used them. It decides every admission so that a scope over its quota evicts
 * only its own least recently used originals, and a put that the store as a whole has no room for is
 * refused instead of evicting someone else's. Every operation is O(1) amortised (each held key is
 * purged or evicted at most once).
 *
 * <p>Not thread-safe: the store calls it under the same lock as its cache updates, so the two agree.
 */
final class HeapLedger {
    /** One held key. */
    private record Held(String scope, long bytes, long expiresAt) {
    }

    /** The keys of one scope in least-recently-used-first order, and their total size. */
    private static final class Scope {
        final LinkedHashMap<String, Held> lru = new LinkedHashMap<>(16, 0.75f, true);
        long bytes;
    }

    /**
     * The outcome of {@link #admit}.
     *
     * @param held    whether the key is held afterwards
     * @param dropped keys that left the ledger (expired or evicted by their scope's quota): remove their values
     */
    record Admission(boolean held, List<String> dropped) {
    }

    private final ScopeQuota quota;
    private final long maxEntries;
    private final Map<String, Scope> scopes = new HashMap<>();
    /** Every held key in expiry order: the time-to-live is fixed, and a re-store moves a key to the end. */
    private final LinkedHashMap<String, Held> byExpiry = new LinkedHashMap<>();
    private long bytes;
    private long evicted;
    private long refused;

    /**
     * @param quota      what one scope may hold (its entries are further capped at {@code maxEntries})
     * @param maxEntries what the whole store may hold
     */
    HeapLedger(ScopeQuota quota, long maxEntries) {
        this.quota = new ScopeQuota(Math.min(quota.maxEntries(), maxEntries), quota.maxBytes());
        this.maxEntries = maxEntries;
    }

    /**
     * Admits (or refreshes) {@code key} of {@code size} bytes in {@code scope}, expiring at {@code expiresAt}.
     * A held key just gets its new expiry; a new one may evict its own scope's least recently used keys,
     * and is refused when it exceeds the scope's byte quota by itself or the store is full.
     */
    Admission admit(String scope, String key, long size, long expiresAt, long now) {
        List<String> dropped = new ArrayList<>();
        purgeExpired(now, dropped);
        Held existing = byExpiry.remove(key);
        if (existing != null) {
            Held refreshed = new Held(existing.scope(), existing.bytes(), expiresAt);
            byExpiry.put(key, refreshed);
            scopes.get(existing.scope()).lru.put(key, refreshed);
            return new Admission(true, dropped);
        }
        if (size > quota.maxBytes()) {
            refused++;
            return new Admission(false, dropped);
        }
        Scope s = scopes.get(scope);
        List<String> victims = new ArrayList<>();
        if (s != null) {
            long entries = s.lru.size() + 1L;
            long scopeBytes = s.bytes + size;
            Iterator<Map.Entry<String, Held>> oldest = s.lru.entrySet().iterator();
            while (quota.exceededBy(entries, scopeBytes) && oldest.hasNext()) {
                Map.Entry<String, Held> victim = oldest.next();
                victims.add(victim.getKey());
                entries--;
                scopeBytes -= victim.getValue().bytes();
            }
        }
        if (byExpiry.size() - victims.size() + 1L > maxEntries) {
            refused++; // full with other scopes' originals: refuse rather than take theirs
            return new Admission(false, dropped);
        }
        for (String victim : victims) {
            remove(victim);
            evicted++;
        }
        dropped.addAll(victims);
        Held held = new Held(scope, size, expiresAt);
        byExpiry.put(key, held);
        Scope target = scopes.computeIfAbsent(scope, k -> new Scope());
        target.lru.put(key, held);
        target.bytes += size;
        bytes += size;
        return new Admission(true, dropped);
    }

    /** Marks {@code key} as just used (a retrieval), so its scope evicts it last. */
    void touch(String key) {
        Held held = byExpiry.get(key);
        if (held != null) {
            scopes.get(held.scope()).lru.get(key);
        }
    }

    /** Forgets every key that expired by {@code now}, adding them to {@code dropped}. */
    void purgeExpired(long now, List<String> dropped) {
        Iterator<Map.Entry<String, Held>> it = byExpiry.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Held> first = it.next();
            if (first.getValue().expiresAt() > now) {
                return;
            }
            it.remove();
            forget(first.getKey(), first.getValue());
            dropped.add(first.getKey());
        }
    }

    long entries() {
        return byExpiry.size();
    }

    long bytes() {
        return bytes;
    }

    long evicted() {
        return evicted;
    }

    long refused() {
        return refused;
    }

    /** Counts a refusal decided outside the ledger (e.g. the cache failed). */
    void countRefusal() {
        refused++;
    }

    private void remove(String key) {
        Held held = byExpiry.remove(key);
        if (held != null) {
            forget(key, held);
        }
    }

    private void forget(String key, Held held) {
        Scope s = scopes.get(held.scope());
        s.lru.remove(key);
        s.bytes -= held.bytes();
        bytes -= held.bytes();
        if (s.lru.isEmpty()) {
            scopes.remove(held.scope()); // memory follows the scopes that hold something
        }
    }
}
