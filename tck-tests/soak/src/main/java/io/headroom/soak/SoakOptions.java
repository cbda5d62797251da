package io.headroom.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line settings of one soak run. Defaults are the acceptance run of issue 13: 10 minutes at 32
 * connections after a 60 s quiet run, 5% hostile requests, one SIGKILL half-way, gateway heap capped at
 * 512 MB and its RSS expected to stay under 1024 MB.
 */
record SoakOptions(
        Path gatewayJar,
        Path outDir,
        int minutes,
        int warmupSeconds,
        int quietSeconds,
        int connections,
        int ratePerSecond,
        double hostileShare,
        int hostileConcurrency,
        Duration hostileHold,
        int xmxMb,
        int rssBoundMb,
        double p99Ratio,
        int tenants,
        int variants,
        int bombMb,
        int tinyMessages,
        String bindHost,
        boolean kill,
        Map<String, String> gatewayProperties) {

    static final String USAGE = """
            usage: java -jar soak.jar [options]
              --gateway-jar PATH        sample-app/target/quarkus-app/quarkus-run.jar
              --out DIR                 where soak-report.md/.json go (default: target/ next to soak.jar)
              --minutes N               main run length (10)
              --warmup-seconds N        unmeasured normal traffic before the quiet run (JIT, pools) (15)
              --quiet-seconds N         quiet run length, normal traffic only (60)
              --connections N           client connections for normal traffic (32)
              --rate N                  normal requests per second over all connections, 0 = as fast as possible (100)
              --hostile-share F         share of hostile requests among all requests of the main run (0.05)
              --hostile-concurrency N   hostile connections open at once at most (32)
              --hostile-hold-seconds N  how long a hostile connection waits for the gateway to answer or close;
                                        must exceed the gateway's read timeout (90)
              --xmx-mb N                gateway -Xmx (512)
              --rss-bound-mb N          documented RSS bound of the gateway (1024)
              --p99-ratio F             allowed p99 loaded / quiet (2.0)
              --tenants N               API keys the normal traffic uses (8)
              --variants N              distinct tool outputs per traffic kind and era (100)
              --bomb-mb N               decoded size of each gzip bomb in MB (2048)
              --tiny-messages N         messages in the many-tiny-messages body (1000000)
              --bind HOST               gateway bind address; 0.0.0.0 also tests forged headers from a non-loopback peer (0.0.0.0)
              --no-kill                 skip the SIGKILL + restart
              --gateway-prop K=V        extra system property for the gateway (repeatable), e.g.
                                        --gateway-prop quarkus.headroom.ccr.disk-path=/some/dir overrides the temp dir
            """;

    static SoakOptions parse(String[] args, Path defaultOutDir) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> props = new ArrayList<>();
        boolean kill = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-kill")) {
                kill = false;
            } else if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                if (a.equals("--gateway-prop")) {
                    props.add(args[++i]);
                } else {
                    values.put(a.substring(2), args[++i]);
                }
            } else {
                throw new IllegalArgumentException("unknown or incomplete option: " + a);
            }
        }
        Map<String, String> gatewayProps = new LinkedHashMap<>();
        for (String p : props) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--gateway-prop needs KEY=VALUE, got " + p);
            }
            gatewayProps.put(p.substring(0, eq), p.substring(eq + 1));
        }
        SoakOptions o = new SoakOptions(
                Path.of(values.getOrDefault("gateway-jar", "sample-app/target/quarkus-app/quarkus-run.jar")),
                values.containsKey("out") ? Path.of(values.remove("out")) : defaultOutDir,
                intOf(values, "minutes", 10),
                intOf(values, "warmup-seconds", 15),
                intOf(values, "quiet-seconds", 60),
                intOf(values, "connections", 32),
                intOf(values, "rate", 100),
                doubleOf(values, "hostile-share", 0.05),
                intOf(values, "hostile-concurrency", 32),
                Duration.ofSeconds(intOf(values, "hostile-hold-seconds", 90)),
                intOf(values, "xmx-mb", 512),
                intOf(values, "rss-bound-mb", 1024),
                doubleOf(values, "p99-ratio", 2.0),
                intOf(values, "tenants", 8),
                intOf(values, "variants", 100),
                intOf(values, "bomb-mb", 2048),
                intOf(values, "tiny-messages", 1_000_000),
                values.containsKey("bind") ? values.remove("bind") : "0.0.0.0",
                kill,
                gatewayProps);
        values.remove("gateway-jar");
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + values.keySet());
        }
        if (o.minutes < 1 || o.connections < 1 || o.quietSeconds < 1 || o.hostileShare < 0 || o.hostileShare >= 1) {
            throw new IllegalArgumentException("--minutes, --connections, --quiet-seconds must be >= 1, --hostile-share in [0,1)");
        }
        return o;
    }

    Duration mainRun() {
        return Duration.ofMinutes(minutes);
    }

    Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    Duration quietRun() {
        return Duration.ofSeconds(quietSeconds);
    }

    private static int intOf(Map<String, String> values, String name, int fallback) {
        String v = values.remove(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + v);
        }
    }

    private static double doubleOf(Map<String, String> values, String name, double fallback) {
        String v = values.remove(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got " + v);
        }
    }
}
