package io.headroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JMH {@code -rf json} result file and merges, per benchmark method and input, the mean
 * (average-time mode), the percentiles (sample-time mode) and the allocation per operation
 * ({@code -prof gc}). Times in microseconds.
 */
public final class JmhResults {

    /** NaN where the run did not produce the figure (e.g. no sample mode, no gc profiler). */
    public record Figures(double meanUs, double p50Us, double p99Us, double allocBytesPerOp) {
        static final Figures EMPTY = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        Figures merge(Figures o) {
            return new Figures(pick(meanUs, o.meanUs), pick(p50Us, o.p50Us), pick(p99Us, o.p99Us),
                    pick(allocBytesPerOp, o.allocBytesPerOp));
        }

        private static double pick(double a, double b) {
            return Double.isNaN(a) ? b : a;
        }

        /** p50 when measured, else the mean. */
        public double typicalUs() {
            return Double.isNaN(p50Us) ? meanUs : p50Us;
        }
    }

    private final Map<String, Figures> byKey;

    private JmhResults(Map<String, Figures> byKey) {
        this.byKey = byKey;
    }

    public static JmhResults read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Figures> map = new LinkedHashMap<>();
        for (JsonNode run : root) {
            String bench = run.path("benchmark").asText();
            String method = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1); // Class.method
            String input = run.path("params").path("input").asText("");
            JsonNode pm = run.path("primaryMetric");
            double factor = toMicros(pm.path("scoreUnit").asText("us/op"));
            String mode = run.path("mode").asText();
            double alloc = allocation(run.path("secondaryMetrics"));
            Figures f;
            if ("sample".equals(mode)) {
                JsonNode pct = pm.path("scorePercentiles");
                f = new Figures(Double.NaN, pct.path("50.0").asDouble(Double.NaN) * factor,
                        pct.path("99.0").asDouble(Double.NaN) * factor, alloc);
                // the sample-mode mean fills in when the run had no average-time mode
                f = f.merge(new Figures(pm.path("score").asDouble() * factor, Double.NaN, Double.NaN, Double.NaN));
            } else if ("avgt".equals(mode)) {
                f = new Figures(pm.path("score").asDouble() * factor, Double.NaN, Double.NaN, alloc);
            } else {
                continue;
            }
            String key = key(method, input);
            // average-time figures win over sample-mode ones: merge avgt first when it comes later
            Figures prev = map.getOrDefault(key, Figures.EMPTY);
            map.put(key, "avgt".equals(mode) ? f.merge(prev) : prev.merge(f));
        }
        return new JmhResults(map);
    }

    /** @param method {@code Class.method}, e.g. {@code PipelineBench.headroomProcess} */
    public Optional<Figures> get(String method, String input) {
        return Optional.ofNullable(byKey.get(key(method, input)));
    }

    private static String key(String method, String input) {
        return method + "|" + input;
    }

    private static double allocation(JsonNode secondary) {
        for (String name : new String[] {"gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"}) {
            JsonNode m = secondary.get(name);
            if (m != null) {
                return m.path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    private static double toMicros(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> throw new IllegalArgumentException("unsupported JMH unit " + unit);
        };
    }
}
