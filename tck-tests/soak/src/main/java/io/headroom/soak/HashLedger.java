package io.headroom.soak;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Set<Entry> beforeKill = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;

    void handedOut(String hash, Credential owner) {
        Entry e = new Entry(hash, owner);
        if (entries.add(e) && !killed) {
            beforeKill.add(e);
        }
    }

    /** True when {@code e} was first handed out before the kill (its original had to survive it). */
    boolean handedOutBeforeKill(Entry e) {
        return beforeKill.contains(e);
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
        return beforeKill.size();
    }
}
