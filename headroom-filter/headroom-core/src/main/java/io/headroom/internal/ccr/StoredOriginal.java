package io.headroom.internal.ccr;

import io.headroom.CcrEntry;
import java.util.Objects;

/**
 * What the CCR cache holds per key: the entry, how often it was retrieved and when it expires.
 * Immutable, so a heap copy and a disk copy never disagree; a retrieval replaces the value with
 * {@link #retrieved()}, a re-store with {@link #refreshed(long)}.
 *
 * @param entry           the original and its metadata
 * @param retrievals      successful retrievals so far
 * @param expiresAtMillis epoch millis after which the value is gone (Ehcache's clock)
 */
record StoredOriginal(CcrEntry entry, long retrievals, long expiresAtMillis) {
    StoredOriginal {
        Objects.requireNonNull(entry, "entry");
    }

    StoredOriginal retrieved() {
        return new StoredOriginal(entry, retrievals + 1, expiresAtMillis);
    }

    StoredOriginal refreshed(long newExpiresAtMillis) {
        return new StoredOriginal(entry, retrievals, newExpiresAtMillis);
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }
}
