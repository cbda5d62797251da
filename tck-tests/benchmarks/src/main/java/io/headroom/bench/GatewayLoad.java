package io.headroom.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP load benchmark of the sample gateway. Starts a stub LLM upstream on loopback and the gateway
 * (or attaches to a running one), then, for each request kind and connection count, measures the
 * same load straight against the stub and through the gateway; the difference is what the gateway
 * adds. Prints a Markdown table and the gateway's peak RSS.
 *
 * <pre>
 * java -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.GatewayLoad \
 *     [--jar sample-app/target/quarkus-app/quarkus-run.jar] [--jvm-opts "-Xmx512m"] \
 *     [--attach http://127.0.0.1:8787 --stub-port 9999 [--pid N]] \
 *     [--connections 1,16,64] [--warmup 3] [--duration 10] [--max-requests 50000] [--requests small,search_1k]
 * </pre>
 * With {@code --attach} the running gateway must already forward to {@code http://127.0.0.1:<stub-port>}.
 */
public final class GatewayLoad {

    /** Request kinds: a small chat with nothing to compress, and the 1,000-item search result. */
    private static final Map<String, String> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("small", BenchInputs.SMALL_CHAT);
        REQUESTS.put("search_1k", "search_results_1000");
    }

    private GatewayLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = parse(argv);
        int[] connections = Arrays.stream(a.getOrDefault("connections", "1,16,64").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Duration warmup = Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "3")));
        Duration duration = Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "10")));
        int maxRequests = Integer.parseInt(a.getOrDefault("max-requests", "50000"));
        List<String> kinds = List.of(a.getOrDefault("requests", String.join(",", REQUESTS.keySet())).split(","));

        int stubPort = Integer.parseInt(a.getOrDefault("stub-port", "0"));
        try (StubUpstream stub = StubUpstream.start(stubPort, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
             GatewayProcess gateway = a.containsKey("attach")
                     ? GatewayProcess.attach(a.get("attach"), Long.parseLong(a.getOrDefault("pid", "-1")))
                     : startGateway(a, stub)) {
            System.err.println("stub upstream " + stub.baseUrl() + ", gateway " + gateway.baseUrl());
            LoadDriver driver = new LoadDriver();
            List<String> rows = new ArrayList<>();
            for (String kind : kinds) {
                String input = REQUESTS.get(kind.trim());
                if (input == null) {
                    throw new IllegalArgumentException("unknown request kind " + kind + ", expected " + REQUESTS.keySet());
                }
                byte[] body = BenchInputs.load(input).body();
                for (int c : connections) {
                    LoadDriver.Result direct = driver.run(URI.create(stub.baseUrl() + "/v1/chat/completions"),
                            body, c, warmup, duration, maxRequests);
                    long[] before = stub.counters();
                    LoadDriver.Result via = driver.run(URI.create(gateway.baseUrl() + "/v1/chat/completions"),
                            body, c, warmup, duration, maxRequests);
                    long[] after = stub.counters();
                    long forwarded = after[0] - before[0];
                    double avgForwarded = forwarded == 0 ? 0 : (double) (after[1] - before[1]) / forwarded;
                    rows.add(row(kind, body.length, avgForwarded, direct, via));
                    System.err.println("done " + kind + " x" + c);
                }
            }
            System.out.println("| Request | Conns | Direct req/s | Gateway req/s | Direct p50 / p99 | Gateway p50 / p99 "
                    + "| Added p50 | Added p99 | Upstream body | Compressed | Errors (direct / gateway) |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println("Gateway peak RSS (VmHWM): " + gateway.peakRssKb().stream()
                    .mapToObj(kb -> String.format(Locale.ROOT, "%.0f MB", kb / 1024.0)).findFirst().orElse("unknown (no pid)")
                    + ", RSS at end: " + gateway.rssKb().stream()
                    .mapToObj(kb -> String.format(Locale.ROOT, "%.0f MB", kb / 1024.0)).findFirst().orElse("unknown"));
            System.out.printf(Locale.ROOT, "Bounds per cell: warm-up %ds, then %ds or %,d requests, whichever first.%n",
                    warmup.toSeconds(), duration.toSeconds(), maxRequests);
        }
    }

    private static GatewayProcess startGateway(Map<String, String> a, StubUpstream stub) throws Exception {
        Path jar = Path.of(a.getOrDefault("jar", "sample-app/target/quarkus-app/quarkus-run.jar"));
        List<String> jvmOpts = a.containsKey("jvm-opts") ? List.of(a.get("jvm-opts").trim().split("\\s+")) : List.of();
        Path log = Files.createTempFile("headroom-gateway-load", ".log");
        System.err.println("starting " + jar + " (log " + log + ")");
        return GatewayProcess.start(jar, jvmOpts, stub.baseUrl(), log, Duration.ofSeconds(120));
    }

    private static String row(String kind, int bodyBytes, double forwardedBytes, LoadDriver.Result d, LoadDriver.Result g) {
        double d50 = d.percentileMicros(50), d99 = d.percentileMicros(99);
        double g50 = g.percentileMicros(50), g99 = g.percentileMicros(99);
        return String.format(Locale.ROOT, "| %s (%s) | %d | %,.0f | %,.0f | %s / %s | %s / %s | %s | %s | %s | %d/%d | %s |",
                kind, Format.bytes(bodyBytes), g.connections(), d.throughput(), g.throughput(),
                Format.ms(d50), Format.ms(d99), Format.ms(g50), Format.ms(g99),
                Format.ms(g50 - d50), Format.ms(g99 - d99), Format.bytes(Math.round(forwardedBytes)),
                g.compressedCount(), g.okCount(), errors(d) + " / " + errors(g));
    }

    /** The count, and what the first failure was ({@code 1 (HTTP 502)}, {@code 2 (java.io.IOException)}). */
    private static String errors(LoadDriver.Result r) {
        return r.errors() == 0 ? "0" : r.errors() + " (" + r.firstError() + ")";
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", argv));
            }
            m.put(argv[i].substring(2), argv[++i]);
        }
        return m;
    }
}
