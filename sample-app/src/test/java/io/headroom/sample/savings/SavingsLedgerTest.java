package io.headroom.sample.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavingsLedgerTest {
    // a Wednesday
    private static final Instant WED = Instant.parse("2025-01-29T10:15:00Z");

    private static SavingsTotals req(long saved, long input) {
        return SavingsTotals.ofRequest(saved, saved * 2.5 / 1e6, input, input * 2.5 / 1e6);
    }

    @Test
    void rollsHourlyBucketsUpIntoDaysWeeksAndMonths() {
        MutableClock clock = new MutableClock(WED);
        SavingsLedger ledger = new SavingsLedger(clock, Duration.ofDays(90));
        ledger.record(req(100, 10));
        clock.advance(Duration.ofMinutes(60)); // same day, next hour
        ledger.record(req(200, 20));
        clock.set(Instant.parse("2025-02-02T23:59:00Z")); // Sunday: same ISO week, next month
        ledger.record(req(300, 30));
        clock.set(Instant.parse("2025-02-03T00:00:00Z")); // Monday: new week
        ledger.record(req(400, 40));

        List<HistoryRow> hourly = ledger.history(Rollup.HOURLY);
        assertEquals(4, hourly.size());
        assertEquals(Instant.parse("2025-01-29T10:00:00Z"), hourly.get(0).periodStart());
        assertEquals(Instant.parse("2025-01-29T11:00:00Z"), hourly.get(1).periodStart());

        List<HistoryRow> daily = ledger.history(Rollup.DAILY);
        assertEquals(3, daily.size());
        assertEquals(Instant.parse("2025-01-29T00:00:00Z"), daily.get(0).periodStart());
        assertEquals(2, daily.get(0).totals().requests());
        assertEquals(300, daily.get(0).totals().tokensSaved());

        List<HistoryRow> weekly = ledger.history(Rollup.WEEKLY);
        assertEquals(2, weekly.size());
        assertEquals(Instant.parse("2025-01-27T00:00:00Z"), weekly.get(0).periodStart(), "ISO weeks start Monday");
        assertEquals(600, weekly.get(0).totals().tokensSaved());
        assertEquals(400, weekly.get(1).totals().tokensSaved());

        List<HistoryRow> monthly = ledger.history(Rollup.MONTHLY);
        assertEquals(2, monthly.size());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), monthly.get(1).periodStart());
        assertEquals(700, monthly.get(1).totals().tokensSaved());

        assertEquals(1000, ledger.lifetime().tokensSaved());
        assertEquals(4, ledger.lifetime().requests());
        assertEquals(40, ledger.current(Rollup.DAILY).inputTokens(), "today only");
    }

    @Test
    void retentionDropsOldBucketsButKeepsLifetimeTotals() {
        MutableClock clock = new MutableClock(WED);
        SavingsLedger ledger = new SavingsLedger(clock, Duration.ofDays(2));
        ledger.record(req(100, 10));
        clock.advance(Duration.ofDays(3));
        ledger.record(req(50, 5));

        assertEquals(1, ledger.history(Rollup.HOURLY).size());
        assertEquals(50, ledger.history(Rollup.DAILY).get(0).totals().tokensSaved());
        assertEquals(150, ledger.lifetime().tokensSaved());
    }

    @Test
    void savingsPercentIsSavedOverOriginalInput() {
        SavingsTotals t = new SavingsTotals(1, 750, 0, 250, 0);
        assertEquals(75.0, t.savingsPercent());
        assertEquals(0.0, SavingsTotals.ZERO.savingsPercent());
    }

    @Test
    void rollupNamesParseCaseInsensitively() {
        assertEquals(Rollup.WEEKLY, Rollup.fromWireName("Weekly").orElseThrow());
        assertTrue(Rollup.fromWireName("yearly").isEmpty());
    }
}
