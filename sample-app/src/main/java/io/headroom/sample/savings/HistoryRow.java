package io.headroom.sample.savings;

import java.time.Instant;

/** The totals of one period (hour, day, week or month starting at {@code periodStart}, UTC). */
public record HistoryRow(Instant periodStart, SavingsTotals totals) {
}
