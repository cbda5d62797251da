package io.headroom.sample;

import io.headroom.ImageTokenUsage;
import io.headroom.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What {@code POST /stats/reset} resets: the counters {@code /stats} and {@code /health} report count from the
 * last reset instead of from start. The engine's counters themselves keep counting, so {@code /metrics} stays
 * monotonic for Prometheus; gauges (CCR entries and bytes) are the store's state and are not reset.
 */
@ApplicationScoped
public class StatsBaseline {
    private static final StatsSnapshot ZERO = new StatsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private volatile Mark mark = new Mark(ZERO, 0, 0);

    private record Mark(StatsSnapshot stats, long rejected, long failed) {
    }

    /** Counts from now on. */
    public void reset(StatsSnapshot now, long rejected, long failed) {
        mark = new Mark(now, rejected, failed);
    }

    /** {@code now} counted from the last reset. */
    public StatsSnapshot since(StatsSnapshot now) {
        StatsSnapshot b = mark.stats();
        return new StatsSnapshot(now.requestsTotal() - b.requestsTotal(),
                now.requestsCompressed() - b.requestsCompressed(),
                now.requestsFailedOpen() - b.requestsFailedOpen(),
                now.tokensBefore() - b.tokensBefore(), now.tokensAfter() - b.tokensAfter(),
                now.ccrEntries(), now.ccrStored() - b.ccrStored(), now.ccrRetrievals() - b.ccrRetrievals(),
                now.ccrMisses() - b.ccrMisses(), now.ccrBytes(), now.ccrEvicted() - b.ccrEvicted(),
                now.ccrRefused() - b.ccrRefused(), now.requestsOverDeadline() - b.requestsOverDeadline(),
                now.retrieveRounds() - b.retrieveRounds(), imagesSince(now.images(), b.images()),
                // learned state is not reset with the session counters
                now.learnedPatterns(), now.hintApplications(),
                now.proactiveExpansions() - b.proactiveExpansions(), now.expandedItems() - b.expandedItems());
    }

    private static List<ImageTokenUsage> imagesSince(List<ImageTokenUsage> now, List<ImageTokenUsage> mark) {
        List<ImageTokenUsage> out = new ArrayList<>();
        for (ImageTokenUsage u : now) {
            ImageTokenUsage m = ImageTokenUsage.of(mark, u.technique());
            if (u.images() > m.images()) {
                out.add(new ImageTokenUsage(u.technique(), u.images() - m.images(), u.tokensBefore() - m.tokensBefore(),
                        u.tokensAfter() - m.tokensAfter()));
            }
        }
        return out;
    }

    public long rejectedSince(long now) {
        return now - mark.rejected();
    }

    public long failedSince(long now) {
        return now - mark.failed();
    }
}
