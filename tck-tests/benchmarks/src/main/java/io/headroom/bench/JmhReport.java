package io.headroom.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code target/jmh.json} into the Markdown tables of src-docs/benchmarks.md, with the
 * savings of each input next to its latency.
 * Run: {@code java -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.JmhReport target/jmh.json}.
 */
public final class JmhReport {

    private JmhReport() {
    }

    public static void main(String[] args) throws Exception {
        JmhResults results = JmhResults.read(Path.of(args.length > 0 ? args[0] : "target/jmh.json"));
        List<String> inputs = BenchInputs.all().stream()
                .filter(i -> results.get("PipelineBench.headroomProcess", i).isPresent()).toList();
        System.out.println("| Input | Body | Saved | Headroom mean | p50 | p99 | Alloc/req | Jackson floor | Floor alloc | x floor |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (SavingsReport.Row s : SavingsReport.compute(inputs)) {
            JmhResults.Figures h = results.get("PipelineBench.headroomProcess", s.input()).orElseThrow();
            JmhResults.Figures j = results.get("PipelineBench.jacksonFloor", s.input()).orElse(JmhResults.Figures.EMPTY);
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f%% | %s | %s | %s | %s | %s | %s | %.1f |%n",
                    s.input(), Format.bytes(s.bodyBytes()), s.savingsPercent(), Format.ms(h.meanUs()),
                    Format.ms(h.p50Us()), Format.ms(h.p99Us()), alloc(h.allocBytesPerOp()),
                    Format.ms(j.meanUs()), alloc(j.allocBytesPerOp()), h.meanUs() / j.meanUs());
        }
        System.out.println();
        System.out.println("| Small request, nothing to compress | mean | p50 | p99 | Alloc/req |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String m : List.of("optimize", "passthrough", "jacksonFloor")) {
            results.get("OverheadBench." + m, "").ifPresent(f -> System.out.printf(Locale.ROOT,
                    "| %s | %s | %s | %s | %s |%n", m, Format.ms(f.meanUs()), Format.ms(f.p50Us()),
                    Format.ms(f.p99Us()), alloc(f.allocBytesPerOp())));
        }
    }

    private static String alloc(double bytes) {
        return Double.isNaN(bytes) ? "-" : Format.bytes(Math.round(bytes));
    }
}
