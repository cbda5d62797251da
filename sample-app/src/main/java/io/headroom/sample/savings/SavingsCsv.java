package io.headroom.sample.savings;

import java.util.List;
import java.util.Locale;

/**
 * {@code /stats-history?format=csv} with the original proxy's columns: {@code series=history} lists the running
 * totals per point, a roll-up ({@code hourly|daily|weekly|monthly}) adds each period's deltas. One header line,
 * then one line per row, oldest first.
 */
public final class SavingsCsv {
    public static final String HISTORY_HEADER =
            "timestamp,total_tokens_saved,compression_savings_usd,total_input_tokens,total_input_cost_usd";
    public static final String ROLLUP_HEADER = "timestamp,tokens_saved,compression_savings_usd_delta,"
            + "total_tokens_saved,compression_savings_usd,total_input_tokens_delta,total_input_tokens,"
            + "total_input_cost_usd_delta,total_input_cost_usd";

    private SavingsCsv() {
    }

    /** The {@code series=history} export. */
    public static String history(List<HistoryPoint> points) {
        StringBuilder sb = new StringBuilder(HISTORY_HEADER).append('\n');
        for (HistoryPoint p : points) {
            SavingsTotals t = p.cumulative();
            sb.append(p.timestamp()).append(',').append(t.tokensSaved()).append(',').append(usd(t.savingsUsd()))
                    .append(',').append(t.inputTokens()).append(',').append(usd(t.costUsd())).append('\n');
        }
        return sb.toString();
    }

    /** A roll-up export. */
    public static String rollup(List<HistoryPoint> points) {
        StringBuilder sb = new StringBuilder(ROLLUP_HEADER).append('\n');
        for (HistoryPoint p : points) {
            SavingsTotals t = p.cumulative();
            SavingsTotals d = p.delta();
            sb.append(p.timestamp()).append(',')
                    .append(d.tokensSaved()).append(',').append(usd(d.savingsUsd())).append(',')
                    .append(t.tokensSaved()).append(',').append(usd(t.savingsUsd())).append(',')
                    .append(d.inputTokens()).append(',').append(t.inputTokens()).append(',')
                    .append(usd(d.costUsd())).append(',').append(usd(t.costUsd())).append('\n');
        }
        return sb.toString();
    }

    /** Fixed six decimals: exact enough for per-request cents, and never scientific notation. */
    static String usd(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
