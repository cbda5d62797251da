package io.headroom.sample.savings;

/**
 * Savings and estimated spend of a set of proxied requests.
 *
 * @param requests    requests recorded
 * @param tokensSaved input tokens removed by compression
 * @param savingsUsd  what those tokens would have cost at the model's input price
 * @param inputTokens input tokens actually forwarded upstream
 * @param costUsd     estimated cost of the forwarded input tokens
 */
public record SavingsTotals(long requests, long tokensSaved, double savingsUsd, long inputTokens, double costUsd) {
    public static final SavingsTotals ZERO = new SavingsTotals(0, 0, 0.0, 0, 0.0);

    public SavingsTotals {
        if (requests < 0 || tokensSaved < 0 || inputTokens < 0 || !(savingsUsd >= 0) || !(costUsd >= 0)) {
            throw new IllegalArgumentException("savings figures must be non-negative");
        }
    }

    /** One request. */
    public static SavingsTotals ofRequest(long tokensSaved, double savingsUsd, long inputTokens, double costUsd) {
        return new SavingsTotals(1, tokensSaved, savingsUsd, inputTokens, costUsd);
    }

    public SavingsTotals plus(SavingsTotals o) {
        return new SavingsTotals(requests + o.requests, tokensSaved + o.tokensSaved, savingsUsd + o.savingsUsd,
                inputTokens + o.inputTokens, costUsd + o.costUsd);
    }

    /** Share of input tokens removed, in percent with one decimal; 0 when nothing was recorded. */
    public double savingsPercent() {
        long before = tokensSaved + inputTokens;
        return before == 0 ? 0.0 : Math.round(1000.0 * tokensSaved / before) / 10.0;
    }
}
