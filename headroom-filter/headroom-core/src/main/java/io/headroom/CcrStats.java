package io.headroom;

/**
 * CCR counters.
 *
 * @param entries    originals currently held (expired ones excluded)
 * @param stored     originals stored since start (re-storing a held original does not count)
 * @param retrievals successful retrievals since start
 * @param misses     retrievals of unknown or expired keys
 */
public record CcrStats(long entries, long stored, long retrievals, long misses) {
}
