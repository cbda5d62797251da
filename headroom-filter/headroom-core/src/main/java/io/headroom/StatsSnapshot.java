package io.headroom;

/**
 * Counters since the Headroom instance started.
 *
 * @param requestsTotal      requests seen by {@link Headroom#process}
 * @param requestsCompressed requests with a tool output or turn compressed
 * @param requestsFailedOpen requests forwarded unchanged because of an internal error
 * @param tokensBefore       sum of tokens of analysed requests before compression
 * @param tokensAfter        sum after compression
 * @param ccrEntries         originals currently held by the CCR store
 * @param ccrStored          originals stored since start
 * @param ccrRetrievals      successful retrievals since start
 * @param ccrMisses          retrievals of unknown or expired hashes
 * @param requestsOverDeadline requests forwarded unchanged because {@code compression-deadline-ms} passed
 */
public record StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                            long tokensBefore, long tokensAfter,
                            long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                            long requestsOverDeadline) {
    public long tokensSaved() {
        return Math.max(0, tokensBefore - tokensAfter);
    }
}
