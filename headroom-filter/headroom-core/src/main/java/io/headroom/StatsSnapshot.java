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

    /**
     * A builder whose counters all start at 0 (no images): for hosts and tests that report or derive a snapshot
     * (e.g. counts since a reset) without naming nineteen positional arguments.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values, to derive another from it. */
    public Builder toBuilder() {
        return builder().requestsTotal(requestsTotal).requestsCompressed(requestsCompressed)
                .requestsFailedOpen(requestsFailedOpen).tokensBefore(tokensBefore).tokensAfter(tokensAfter)
                .ccrEntries(ccrEntries).ccrStored(ccrStored).ccrRetrievals(ccrRetrievals).ccrMisses(ccrMisses)
                .ccrBytes(ccrBytes).ccrEvicted(ccrEvicted).ccrRefused(ccrRefused)
                .requestsOverDeadline(requestsOverDeadline).retrieveRounds(retrieveRounds).images(images)
                .learnedPatterns(learnedPatterns).hintApplications(hintApplications)
                .proactiveExpansions(proactiveExpansions).expandedItems(expandedItems);
    }

    /** Named setters for every component; {@link #build()} makes the snapshot. Not thread-safe. */
    public static final class Builder {
        private long requestsTotal;
        private long requestsCompressed;
        private long requestsFailedOpen;
        private long tokensBefore;
        private long tokensAfter;
        private long ccrEntries;
        private long ccrStored;
        private long ccrRetrievals;
        private long ccrMisses;
        private long ccrBytes;
        private long ccrEvicted;
        private long ccrRefused;
        private long requestsOverDeadline;
        private long retrieveRounds;
        private java.util.List<ImageTokenUsage> images = java.util.List.of();
        private long learnedPatterns;
        private long hintApplications;
        private long proactiveExpansions;
        private long expandedItems;

        private Builder() {
        }

        public Builder requestsTotal(long requestsTotal) {
            this.requestsTotal = requestsTotal;
            return this;
        }

        public Builder requestsCompressed(long requestsCompressed) {
            this.requestsCompressed = requestsCompressed;
            return this;
        }

        public Builder requestsFailedOpen(long requestsFailedOpen) {
            this.requestsFailedOpen = requestsFailedOpen;
            return this;
        }

        public Builder tokensBefore(long tokensBefore) {
            this.tokensBefore = tokensBefore;
            return this;
        }

        public Builder tokensAfter(long tokensAfter) {
            this.tokensAfter = tokensAfter;
            return this;
        }

        public Builder ccrEntries(long ccrEntries) {
            this.ccrEntries = ccrEntries;
            return this;
        }

        public Builder ccrStored(long ccrStored) {
            this.ccrStored = ccrStored;
            return this;
        }

        public Builder ccrRetrievals(long ccrRetrievals) {
            this.ccrRetrievals = ccrRetrievals;
            return this;
        }

        public Builder ccrMisses(long ccrMisses) {
            this.ccrMisses = ccrMisses;
            return this;
        }

        public Builder ccrBytes(long ccrBytes) {
            this.ccrBytes = ccrBytes;
            return this;
        }

        public Builder ccrEvicted(long ccrEvicted) {
            this.ccrEvicted = ccrEvicted;
            return this;
        }

        public Builder ccrRefused(long ccrRefused) {
            this.ccrRefused = ccrRefused;
            return this;
        }

        public Builder requestsOverDeadline(long requestsOverDeadline) {
            this.requestsOverDeadline = requestsOverDeadline;
            return this;
        }

        public Builder retrieveRounds(long retrieveRounds) {
            this.retrieveRounds = retrieveRounds;
            return this;
        }

        public Builder images(java.util.List<ImageTokenUsage> images) {
            this.images = images;
            return this;
        }

        public Builder learnedPatterns(long learnedPatterns) {
            this.learnedPatterns = learnedPatterns;
            return this;
        }

        public Builder hintApplications(long hintApplications) {
            this.hintApplications = hintApplications;
            return this;
        }

        public Builder proactiveExpansions(long proactiveExpansions) {
            this.proactiveExpansions = proactiveExpansions;
            return this;
        }

        public Builder expandedItems(long expandedItems) {
            this.expandedItems = expandedItems;
            return this;
        }

        public StatsSnapshot build() {
            return new StatsSnapshot(requestsTotal, requestsCompressed, requestsFailedOpen, tokensBefore, tokensAfter,
                    ccrEntries, ccrStored, ccrRetrievals, ccrMisses, ccrBytes, ccrEvicted, ccrRefused,
                    requestsOverDeadline, retrieveRounds, images, learnedPatterns, hintApplications,
                    proactiveExpansions, expandedItems);
        }
    }

    public long tokensSaved() {
        return Math.max(0, tokensBefore - tokensAfter);
    }
}
