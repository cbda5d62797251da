package io.headroom.bench;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokens before / after for every benchmark input, so latency can be read next to what it buys.
 * Run: {@code java -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.SavingsReport}.
 */
public final class SavingsReport {

    /** One input's outcome under the default (gateway) configuration. */
    public record Row(String input, int bodyBytes, int tokensBefore, int tokensAfter,
                      boolean compressed, boolean failedOpen, List<String> transforms) {
        public double savingsPercent() {
            return tokensBefore == 0 ? 0 : 100.0 * (tokensBefore - tokensAfter) / tokensBefore;
        }
    }

    private SavingsReport() {
    }

    public static List<Row> compute(List<String> inputs) {
        List<Row> rows = new ArrayList<>();
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            for (String name : inputs) {
                BenchInputs.Input in = BenchInputs.load(name);
                RequestOutcome o = headroom.process(in.endpoint(), in.body(), io.headroom.Mode.OPTIMIZE);
                rows.add(new Row(name, in.body().length, o.tokensBefore(), o.tokensAfter(),
                        o.compressed(), o.failedOpen(), o.transformsApplied()));
            }
        }
        return rows;
    }

    public static void main(String[] args) {
        List<String> inputs = args.length > 0 ? List.of(args) : BenchInputs.all();
        System.out.println("| Input | Body | Tokens before | Tokens after | Saved | Transforms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        for (Row r : compute(inputs)) {
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f%%%s | %s |%n", r.input(),
                    Format.bytes(r.bodyBytes()), r.tokensBefore(), r.tokensAfter(), r.savingsPercent(),
                    r.failedOpen() ? " (failed open)" : "", String.join(" ", r.transforms()));
        }
    }
}
