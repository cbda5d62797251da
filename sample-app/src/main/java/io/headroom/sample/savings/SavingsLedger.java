package io.headroom.sample.savings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Durable-savings bookkeeping: lifetime totals plus hourly buckets (UTC) kept for a bounded
 * retention, from which daily, weekly and monthly rollups are computed. Thread-safe; holds no I/O
 * (see {@link PersistentSavings} for the file). Lifetime totals survive bucket retention.
 */
public final class SavingsLedger {
    private final Clock clock;
    private final Duration retention;
    private final NavigableMap<Instant, SavingsTotals> hourly = new TreeMap<>();
    private SavingsTotals lifetime;
    private Instant since;
    private long changes;

    /**
     * @param retention how long hourly buckets are kept (e.g. 90 days); older ones are dropped
     */
    public SavingsLedger(Clock clock, Duration retention) {
        this(clock, retention, new Snapshot(SavingsTotals.ZERO, clock.instant(), Map.of()));
    }

    /** A ledger continuing from {@code restored} (e.g. read back from disk). */
    public SavingsLedger(Clock clock, Duration retention, Snapshot restored) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least one hour");
        }
        this.retention = retention;
        this.lifetime = restored.lifetime();
        this.since = restored.since();
        restored.hourly().forEach((hour, totals) -> hourly.merge(Rollup.HOURLY.periodStart(hour), totals,
                SavingsTotals::plus));
        prune(clock.instant());
    }

    /** Everything the file needs: lifetime totals, when tracking began, and the retained hourly buckets. */
    public record Snapshot(SavingsTotals lifetime, Instant since, Map<Instant, SavingsTotals> hourly) {
        public Snapshot {
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(since, "since");
            hourly = Map.copyOf(hourly);
        }
    }

    /** Adds one request's figures to the current hour and to the lifetime totals. */
    public synchronized void record(SavingsTotals delta) {
        Instant now = clock.instant();
        hourly.merge(Rollup.HOURLY.periodStart(now), delta, SavingsTotals::plus);
        lifetime = lifetime.plus(delta);
        changes++;
        if (changes % 1024 == 0) {
            prune(now);
        }
    }

    public synchronized SavingsTotals lifetime() {
        return lifetime;
    }

    /** When tracking began (the first start without a readable savings file). */
    public synchronized Instant since() {
        return since;
    }

    /** Totals of the {@code period} that contains now, e.g. today's spend for a daily budget. */
    public synchronized SavingsTotals current(Rollup period) {
        Instant now = clock.instant();
        Instant from = period.periodStart(now);
        SavingsTotals sum = SavingsTotals.ZERO;
        for (SavingsTotals t : hourly.tailMap(from, true).values()) {
            sum = sum.plus(t);
        }
        return sum;
    }

    /** Rollups of the retained hourly buckets, oldest first; periods without traffic are omitted. */
    public synchronized List<HistoryRow> history(Rollup period) {
        prune(clock.instant());
        NavigableMap<Instant, SavingsTotals> rolled = new TreeMap<>();
        hourly.forEach((hour, totals) -> rolled.merge(period.periodStart(hour), totals, SavingsTotals::plus));
        List<HistoryRow> rows = new ArrayList<>(rolled.size());
        rolled.forEach((start, totals) -> rows.add(new HistoryRow(start, totals)));
        return rows;
    }

    /** Monotonic count of recorded requests since this ledger was built; lets a writer skip clean saves. */
    public synchronized long changes() {
        return changes;
    }

    public synchronized Snapshot snapshot() {
        prune(clock.instant());
        return new Snapshot(lifetime, since, hourly);
    }

    private void prune(Instant now) {
        Instant oldest = Rollup.HOURLY.periodStart(now.minus(retention));
        hourly.headMap(oldest, false).clear();
    }
}
