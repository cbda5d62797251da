package io.headroom.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures and verdicts as markdown (for people) and JSON (for tools). */
final class SoakReport {
    private final SoakResult result;
    private final List<AcceptanceCriteria.Criterion> criteria;

    SoakReport(SoakResult result, List<AcceptanceCriteria.Criterion> criteria) {
        this.result = result;
        this.criteria = criteria;
    }

    boolean passed() {
        return AcceptanceCriteria.allPassed(criteria);
    }

    String markdown() {
        StringBuilder b = new StringBuilder("# Headroom gateway soak: ").append(passed() ? "PASS" : "FAIL").append("\n\n");
        b.append("## Acceptance\n\n| Criterion | Result | Figures |\n|---|---|---|\n");
        for (AcceptanceCriteria.Criterion c : criteria) {
            b.append("| ").append(c.name()).append(" | ").append(c.passed() ? "PASS" : "**FAIL**").append(" | ")
                    .append(c.detail().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n## Settings\n\n");
        result.settings().forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        table(b, "Normal requests", result.normal());
        table(b, "Hostile requests", result.hostile());
        b.append(String.format(Locale.ROOT, "%nHostile share of the main run: %.1f%%.%n", 100 * result.hostileShare()));
        b.append("\n## Latency of the main run's normal requests, by window\n\n")
                .append("| From s | Requests | p50 ms | p99 ms |\n|---|---|---|---|\n");
        for (Percentiles.Window w : result.loadedByWindow()) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f |%n", w.startSeconds(), w.count(),
                    w.p50Millis(), w.p99Millis()));
        }
        SoakResult.Memory m = result.memory();
        b.append("\n## Memory\n\n")
                .append(String.format(Locale.ROOT, "- samples: %d%n- max heap used: %.0f MB of -Xmx%dm%n"
                                + "- max heap after GC: %.0f MB%n- max RSS: %.0f MB (bound %d MB)%n"
                                + "- OutOfMemoryError lines in the gateway log: %d%n",
                        m.samples(), m.maxHeapUsedMb(), m.xmxMb(), m.maxHeapAfterGcMb(), m.maxRssMb(), m.rssBoundMb(),
                        m.outOfMemoryErrors()));
        if (!m.samplingProblems().isEmpty()) {
            b.append("- sampling problems: ").append(m.samplingProblems()).append('\n');
        }
        SoakResult.Hashes h = result.hashes();
        b.append("\n## CCR hashes\n\n")
                .append(String.format(Locale.ROOT, "- handed out: %d (before the kill: %d)%n- retrieval: %s%n"
                                + "- retrieval of those handed out before the kill: %s%n",
                        h.handedOut(), h.handedOutBeforeKill(), h.retrieval(), h.retrievalOfBeforeKill()));
        if (!h.failedExamples().isEmpty()) {
            b.append("- examples of failures: ").append(h.failedExamples()).append('\n');
        }
        b.append("\n## Restarts\n\n- planned SIGKILL: ").append(result.restarts().killPlanned())
                .append(", planned restarts: ").append(result.restarts().plannedRestarts())
                .append(", restart seconds: ").append(result.restarts().restartSeconds())
                .append("\n- unplanned exits: ").append(result.restarts().unplannedExits()).append('\n');
        return b.toString();
    }

    private static void table(StringBuilder b, String title, Map<String, Map<String, Long>> byKind) {
        b.append("\n## ").append(title).append("\n\n| Kind | Outcome | Count |\n|---|---|---|\n");
        byKind.forEach((kind, outcomes) -> outcomes.forEach((outcome, n) ->
                b.append("| ").append(kind).append(" | ").append(outcome).append(" | ").append(n).append(" |\n")));
        if (byKind.isEmpty()) {
            b.append("| (none) | | |\n");
        }
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", passed() ? "PASS" : "FAIL");
        out.put("criteria", criteria);
        out.put("result", result);
        return out;
    }

    /** Writes soak-report.md and soak-report.json into {@code dir}; returns the markdown path. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("soak-report.md");
        Files.writeString(md, markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("soak-report.json").toFile(), json());
        return md;
    }
}
