package io.headroom;

/**
 * CCR counters.
 *
 * @param entries    originals currently held (expired ones excluded)
 * @param stored     originals stored since start (re-storing a held original does not count)
 * @param retrievals successful retrievals since start
 * @param misses     retrievals of unknown or expired keys
 * @param bytes      size of the originals currently held (their stored encoding: UTF-8 for text)
 * @param evicted    originals evicted since start because their own scope was over its quota
 *                   ({@code ccr.scope-max-entries} / {@code ccr.scope-max-bytes}); never another scope's
 * @param refused    puts refused since start: the original alone exceeds a quota, the store as a whole is
 *                   full, or the store failed to write it; the hash was not handed out
 */
public record CcrStats(long entries, long stored, long retrievals, long misses, long bytes, long evicted,
                       long refused) {
    /** For stores that track neither bytes nor quotas (they report 0). */
    public CcrStats(long entries, long stored, long retrievals, long misses) {
        this(entries, stored, retrievals, misses, 0, 0, 0);
    }
}
