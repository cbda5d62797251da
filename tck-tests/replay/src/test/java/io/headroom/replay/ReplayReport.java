package io.headroom.replay;

import io.headroom.LearningStats;
import java.util.Locale;

/** The replay benchmark's table, in Markdown, as target/replay/learning.md and src-docs/learning.md show it. */
final class ReplayReport {
    private ReplayReport() {
    }

    static String table(ReplaySession.Run on, ReplaySession.Run off) {
        StringBuilder b = new StringBuilder();
        b.append("| run | turns | retrieve rounds per turn | tokens sent per turn | request savings | needles answered |\n");
        b.append("|---|---|---:|---:|---:|---:|\n");
        for (ReplaySession.Run run : new ReplaySession.Run[] {on, off}) {
            row(b, run.label(), "first 50", run.first());
            row(b, run.label(), "last 50", run.last());
        }
        LearningStats s = on.learning();
        b.append('\n').append(String.format(Locale.ROOT,
                "Learning on, at the end: %d signatures, %d confident, %d learned item patterns, %d feedback events "
                        + "(%d unattributed), %d hint applications.%n",
                s.patternsTracked(), s.patternsWithRecommendations(), s.learnedPatterns(), s.feedbackEvents(),
                s.feedbackUnknown(), s.hintApplications()));
        b.append("\n| tool | compressions | retrievals (search / full) | confidence | budget scale | items kept because learned |\n");
        b.append("|---|---:|---:|---:|---:|---|\n");
        for (io.headroom.LearnedPattern p : on.patterns()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d (%d / %d) | %.2f | %.2f | %s |%n", p.toolName(),
                    p.compressions(), p.retrievals(), p.searchRetrievals(), p.fullRetrievals(), p.confidence(),
                    p.maxItemsFactor(), p.preservedValues().isEmpty() ? "-" : String.join(", ", p.preservedValues())));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String window, ReplaySession.Window w) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.0f | %.1f%% | %d/%d |%n", label, window,
                w.roundsPerTurn(), w.tokensSentPerTurn(), 100 * w.requestSavings(), w.needlesAnswered(), w.needles()));
    }
}
