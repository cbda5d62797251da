package io.headroom.internal.pipeline;

import io.headroom.ImageTokenUsage;
import io.headroom.RequestOutcome;
import io.headroom.internal.image.ImageTally;
import java.util.ArrayList;
import java.util.List;
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
    /** Per {@link ImageTally#KINDS} entry: images, tokens before, tokens after (as forwarded). */
    private final LongAdder[][] images = new LongAdder[ImageTally.KINDS.size()][];

    public RequestCounters() {
        for (int i = 0; i < images.length; i++) {
            images[i] = new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()};
        }
    }

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
        for (ImageTokenUsage u : outcome.images()) {
            int i = ImageTally.KINDS.indexOf(u.technique());
            if (i >= 0) {
                images[i][0].add(u.images());
                images[i][1].add(u.tokensBefore());
                images[i][2].add(outcome.bodyChanged() ? u.tokensAfter() : u.tokensBefore());
            }
        }
    }

    /** Images per technique since start, techniques never seen left out. */
    public List<ImageTokenUsage> images() {
        List<ImageTokenUsage> out = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            long n = images[i][0].sum();
            if (n > 0) {
                out.add(new ImageTokenUsage(ImageTally.KINDS.get(i), n, images[i][1].sum(), images[i][2].sum()));
            }
        }
        return out;
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
