package io.headroom.internal.ccr;

import io.headroom.CcrConfig;

/**
 * What one scope may hold. A put that would take its scope over the quota first evicts that scope's own
 * least recently used originals; an original larger than {@code maxBytes} on its own is refused.
 *
 * @param maxEntries originals per scope
 * @param maxBytes   bytes of originals per scope (their stored size, see {@link StoredOriginalSerializer#encodedSize})
 */
record ScopeQuota(long maxEntries, long maxBytes) {
    /** No quota: for stores built without a config (tests, benchmarks). */
    static final ScopeQuota NONE = new ScopeQuota(Long.MAX_VALUE, Long.MAX_VALUE);

    ScopeQuota {
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("a scope quota needs positive limits");
        }
    }

    static ScopeQuota of(CcrConfig config) {
        return new ScopeQuota(config.scopeMaxEntries(), config.scopeMaxBytes());
    }

    /** True when a scope holding {@code entries} originals of {@code bytes} in total is over this quota. */
    boolean exceededBy(long entries, long bytes) {
        return entries > maxEntries || bytes > maxBytes;
    }
}
