package io.headroom.sample.savings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The savings ledger as the original proxy's {@code /stats-history} presents it: {@code history}, one cumulative
 * point per hour with activity, and the {@code hourly/daily/weekly/monthly} roll-ups, each row with the period's
 * deltas and the running totals at its end. Cumulative totals are the lifetime totals minus everything recorded
 * after the point, so the last point is the lifetime even when retention has dropped older hours.
 */
public final class SavingsHistory {
    private SavingsHistory() {
    }

    /** Oldest first. */
    public static List<HistoryPoint> points(SavingsLedger ledger, Rollup period) {
        SavingsTotals running;
        List<HistoryRow> rows;
        synchronized (ledger) {
            running = ledger.lifetime();
            rows = ledger.history(period);
        }
        List<HistoryPoint> out = new ArrayList<>(rows.size());
        for (int i = rows.size() - 1; i >= 0; i--) {
            HistoryRow r = rows.get(i);
            out.add(new HistoryPoint(r.periodStart(), running, r.totals()));
            running = minus(running, r.totals());
        }
        Collections.reverse(out);
        return out;
    }

    private static SavingsTotals minus(SavingsTotals a, SavingsTotals b) {
        return new SavingsTotals(Math.max(0, a.requests() - b.requests()), Math.max(0, a.tokensSaved() - b.tokensSaved()),
                Math.max(0.0, a.savingsUsd() - b.savingsUsd()), Math.max(0, a.inputTokens() - b.inputTokens()),
                Math.max(0.0, a.costUsd() - b.costUsd()));
    }
}
