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
 * @param ccrBytes           size of the originals the CCR store holds ({@link CcrStats#bytes()})
 * @param ccrEvicted         originals evicted because their own scope was over its quota ({@link CcrStats#evicted()})
 * @param ccrRefused         originals the store refused, forwarded uncompressed ({@link CcrStats#refused()})
 * @param requestsOverDeadline requests forwarded unchanged because {@code compression-deadline-ms} passed
 * @param retrieveRounds     follow-ups the retrieve loop sent after answering {@code headroom_retrieve} calls
 *                           ({@link Headroom#onRetrieveRound(Endpoint)})
 * @param images             images of the requests since start per technique, with their tokens as forwarded
 *                           (included in {@code tokensBefore}/{@code tokensAfter})
 * @param learnedPatterns    item patterns learned from retrievals that apply now ({@link LearningStats#learnedPatterns()})
 * @param hintApplications   compressions learned hints applied to ({@link LearningStats#hintApplications()})
 * @param proactiveExpansions requests the Context Tracker expanded with items dropped earlier in their
 *                           conversation ({@code ccr.expansion.enabled})
 * @param expandedItems      the items those expansions added
 */
public record StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                            long tokensBefore, long tokensAfter,
                            long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                            long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline,
                            long retrieveRounds, java.util.List<ImageTokenUsage> images,
                            long learnedPatterns, long hintApplications,
                            long proactiveExpansions, long expandedItems) {

    public StatsSnapshot {
        images = images == null ? java.util.List.of() : java.util.List.copyOf(images);
    }

    /** Without the proactive expansions (they read 0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline,
                         long retrieveRounds, java.util.List<ImageTokenUsage> images,
                         long learnedPatterns, long hintApplications) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, requestsOverDeadline,
                retrieveRounds, images, learnedPatterns, hintApplications, 0, 0);
    }

    /** Without the learning counters and the proactive expansions (they read 0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline,
                         long retrieveRounds, java.util.List<ImageTokenUsage> images) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, requestsOverDeadline,
                retrieveRounds, images, 0, 0, 0, 0);
    }

    /** Without the image counts and the proactive expansions (they read empty/0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline,
                         long retrieveRounds, long learnedPatterns, long hintApplications) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, requestsOverDeadline,
                retrieveRounds, java.util.List.of(), learnedPatterns, hintApplications, 0, 0);
    }

    /** Without the image counts, the learning counters and the proactive expansions. */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline,
                         long retrieveRounds) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, requestsOverDeadline,
                retrieveRounds, java.util.List.of(), 0, 0, 0, 0);
    }

    /** Without the retrieve rounds (they read 0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused, long requestsOverDeadline) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, requestsOverDeadline, 0);
    }

    /** Without the CCR quota counters and the deadline count (they read 0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, 0, 0, 0, 0, 0);
    }

    /** Without the deadline count (it reads 0). */
    public StatsSnapshot(long requestsTotal, long requestsCompressed, long requestsFailedOpen,
                         long tokensBefore, long tokensAfter,
                         long ccrEntries, long ccrStored, long ccrRetrievals, long ccrMisses,
                         long ccrBytes, long ccrEvicted, long ccrRefused) {
        this(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused, 0, 0);
    }

    public long tokensSaved() {
        return Math.max(0, tokensBefore - tokensAfter);
    }
}
