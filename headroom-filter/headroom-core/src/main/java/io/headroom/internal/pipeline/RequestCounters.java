package io.headroom.internal.pipeline;

import io.headroom.RequestOutcome;
import java.util.concurrent.atomic.LongAdder;

/** Request counters since start; cheap to update from many request threads. */
public final class RequestCounters {
    private final LongAdder total = new LongAdder();
    private final LongAdder compressed = new LongAdder();
    private final LongAdder failedOpen = new LongAdder();
    private final LongAdder overDeadline = new LongAdder();
    private final LongAdder tokensBefore = new LongAdder();
    private final LongAdder tokensAfter = new LongAdder();
    private final LongAdder retrieveRounds = new LongAdder();
    private final LongAdder proactiveExpansions = new LongAdder();
    private final LongAdder expandedItems = new LongAdder();

    /**
     * Records one outcome. Token sums count what was actually forwarded: an audited request adds
     * its tokens to both sums, since nothing was saved on the wire.
     */
    public void record(RequestOutcome outcome) {
        total.increment();
        if (outcome.compressed()) {
            compressed.increment();
        }
        if (outcome.failedOpen()) {
            failedOpen.increment();
        }
        if (outcome.deadlineExceeded()) {
            overDeadline.increment();
        }
        tokensBefore.add(outcome.tokensBefore());
        tokensAfter.add(outcome.bodyChanged() ? outcome.tokensAfter() : outcome.tokensBefore());
    }

    /** One follow-up of the retrieve loop. */
    public void retrieveRound() {
        retrieveRounds.increment();
    }

    /** One request that the Context Tracker expanded with {@code items} items. */
    public void proactiveExpansion(int items) {
        proactiveExpansions.increment();
        expandedItems.add(items);
    }

    public long retrieveRounds() { return retrieveRounds.sum(); }
    public long proactiveExpansions() { return proactiveExpansions.sum(); }
    public long expandedItems() { return expandedItems.sum(); }
    public long total() { return total.sum(); }
    public long compressed() { return compressed.sum(); }
    public long failedOpen() { return failedOpen.sum(); }
    public long overDeadline() { return overDeadline.sum(); }
    public long tokensBefore() { return tokensBefore.sum(); }
    public long tokensAfter() { return tokensAfter.sum(); }
}
