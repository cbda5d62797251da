package io.headroom.sample.savings;

import java.time.Instant;

/**
 * A row of the original's {@code /stats-history}: the durable totals as they stood at the end of the period that
 * starts at {@code timestamp} ({@code cumulative}), and what that period added ({@code delta}).
 */
public record HistoryPoint(Instant timestamp, SavingsTotals cumulative, SavingsTotals delta) {
}
