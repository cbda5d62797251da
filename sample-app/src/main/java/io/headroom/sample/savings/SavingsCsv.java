package io.headroom.sample.savings;

import java.util.List;
import java.util.Locale;

/** {@code /stats-history?format=csv}: one header line, then one line per period, oldest first. */
public final class SavingsCsv {
    public static final String HEADER =
            "period,period_start,requests,tokens_saved,compression_savings_usd,input_tokens,cost_usd,savings_percent";

    private SavingsCsv() {
    }

    public static String format(Rollup period, List<HistoryRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (HistoryRow r : rows) {
            SavingsTotals t = r.totals();
            sb.append(period.wireName()).append(',')
                    .append(r.periodStart()).append(',')
                    .append(t.requests()).append(',')
                    .append(t.tokensSaved()).append(',')
                    .append(usd(t.savingsUsd())).append(',')
                    .append(t.inputTokens()).append(',')
                    .append(usd(t.costUsd())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", t.savingsPercent()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** Fixed six decimals: exact enough for per-request cents, and never scientific notation. */
    static String usd(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
