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
    private static final StatsSnapshot ZERO = StatsSnapshot.builder().build();

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
        return now.toBuilder()
                .requestsTotal(now.requestsTotal() - b.requestsTotal())
                .requestsCompressed(now.requestsCompressed() - b.requestsCompressed())
                .requestsFailedOpen(now.requestsFailedOpen() - b.requestsFailedOpen())
                .tokensBefore(now.tokensBefore() - b.tokensBefore())
                .tokensAfter(now.tokensAfter() - b.tokensAfter())
                .ccrStored(now.ccrStored() - b.ccrStored())
                .ccrRetrievals(now.ccrRetrievals() - b.ccrRetrievals())
                .ccrMisses(now.ccrMisses() - b.ccrMisses())
                .ccrEvicted(now.ccrEvicted() - b.ccrEvicted())
                .ccrRefused(now.ccrRefused() - b.ccrRefused())
                .requestsOverDeadline(now.requestsOverDeadline() - b.requestsOverDeadline())
                .retrieveRounds(now.retrieveRounds() - b.retrieveRounds())
                .images(imagesSince(now.images(), b.images()))
                .proactiveExpansions(now.proactiveExpansions() - b.proactiveExpansions())
                .expandedItems(now.expandedItems() - b.expandedItems())
                .build(); // gauges (CCR entries, bytes) and learned state are not reset with the session counters
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
