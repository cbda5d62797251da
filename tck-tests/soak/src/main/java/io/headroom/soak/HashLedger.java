package io.headroom.soak;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every CCR hash a client was handed (in the body the model received, or in a /v1/compress answer),
 * with the credential that may retrieve it (with tenant isolation the same content handed to two
 * tenants is two entries), and how many were handed out before the kill.
 */
final class HashLedger {
    /** One hash as one caller holds it. */
    record Entry(String hash, Credential owner) {
    }

    private final Set<Entry> entries = ConcurrentHashMap.newKeySet();
    private final AtomicLong beforeKill = new AtomicLong();
    private volatile boolean killed;

    void handedOut(String hash, Credential owner) {
        if (entries.add(new Entry(hash, owner)) && !killed) {
            beforeKill.incrementAndGet();
        }
    }

    void markKilled() {
        killed = true;
    }

    /** Some hash handed out so far, or null before the first. */
    Entry any() {
        return entries.stream().findAny().orElse(null);
    }

    List<Entry> all() {
        return List.copyOf(entries);
    }

    long size() {
        return entries.size();
    }

    long handedOutBeforeKill() {
        return beforeKill.get();
    }
}
