package io.headroom.corpus.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The outcome of a corpus run and its printout: failures, a line per case with its tokens, totals, the verdict. */
public record RunReport(List<CaseResult> results) {

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** Tokens before and after over the cases sent to /v1/compress (the figure the original checker totals). */
    public long totalTokensBefore() {
        return results.stream().filter(CaseResult::compressed).mapToLong(CaseResult::tokensBefore).sum();
    }

    public long totalTokensAfter() {
        return results.stream().filter(CaseResult::compressed).mapToLong(CaseResult::tokensAfter).sum();
    }

    public void print(PrintStream out) {
        for (CaseResult r : results) {
            r.failures().forEach(f -> out.println("FAIL " + r.name() + ": " + f));
        }
        for (CaseResult r : results) {
            if (r.compressed()) {
                out.printf(Locale.ROOT, "  %-28s %7d -> %7d tokens  %5.1f%%%n", r.name(), r.tokensBefore(),
                        r.tokensAfter(), r.savingsPercent());
            } else if (r.gatewayTokensSaved() >= 0) {
                out.printf(Locale.ROOT, "  %-28s %7d tokens saved on the gateway route (x-headroom-tokens-saved)%n",
                        r.name(), r.gatewayTokensSaved());
            }
        }
        long before = totalTokensBefore();
        long after = totalTokensAfter();
        if (before > 0) {
            out.printf(Locale.ROOT, "  total %,d -> %,d tokens, %.1f%% saved (/v1/compress cases)%n", before, after,
                    100.0 * (before - after) / before);
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", passed(), failed());
    }
}
