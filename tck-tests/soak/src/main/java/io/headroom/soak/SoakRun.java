package io.headroom.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * One soak: stub provider and gateway up, warm-up, quiet run, main run (normal + hostile traffic, one
 * SIGKILL half-way), retrieval of every hash handed out, report.
 */
final class SoakRun {
    private static final long SAMPLE_PERIOD_MILLIS = 2_000;
    private static final long LATENCY_WINDOW_SECONDS = 30;

    private final SoakOptions o;
    private final ObjectMapper mapper = new ObjectMapper();
    private final GatewayState state = new GatewayState();
    private final HashLedger ledger = new HashLedger();
    private final java.util.concurrent.atomic.AtomicInteger era = new java.util.concurrent.atomic.AtomicInteger();

    SoakRun(SoakOptions options) {
        this.o = options;
    }

    boolean run() throws Exception {
        log("preparing hostile bodies (%d tiny messages, %d MB gzip bomb)", o.tinyMessages(), o.bombMb());
        TinyMessagesRequest tiny = new TinyMessagesRequest(o.tinyMessages());
        GzipBombRequest bomb = new GzipBombRequest(o.bombMb());
        log("tiny-messages body %d MB, gzip bomb %d KB on the wire", tiny.bodyBytes() >> 20, bomb.bodyBytes() >> 10);

        Path workDir = Files.createTempDirectory("headroom-soak-");
        int port = freePort();
        Tally normal = new Tally();
        Tally hostile = new Tally();
        Percentiles quiet = new Percentiles();
        Percentiles loaded = new Percentiles();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        ExecutorService clientThreads = Executors.newFixedThreadPool(8);
        try (StubUpstream stub = new StubUpstream();
             GatewayProcess gateway = new GatewayProcess(o, port, stub.url(), workDir, state);
             MemorySampler sampler = new MemorySampler(gateway::pid)) {
            log("gateway: %s", String.join(" ", gateway.command()));
            gateway.start();
            sampler.start(SAMPLE_PERIOD_MILLIS);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            java.util.function.Supplier<HttpClient> clients = () -> HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                    .executor(clientThreads).build();
            NormalLoad load = new NormalLoad(new NormalClient(clients, mapper, base, ledger),
                    new NormalRequests(mapper, o.tenants(), o.variants(), era::get), state, o.connections(), o.ratePerSecond());

            log("warm-up %d s", o.warmupSeconds());
            load.run("warmup", o.warmup(), new Tally(), new Percentiles());
            log("quiet run %d s", o.quietSeconds());
            load.run("quiet", o.quietRun(), normal, quiet);
            log("quiet: p50 %.1f ms, p99 %.1f ms over %d requests", quiet.millis(50), quiet.millis(99), quiet.count());

            HostileKind.Target target = hostileTarget(port, timer);
            List<HostileKind> kinds = List.of(new HeaderOnlyRequest(), new SlowSenderRequest(), tiny, bomb,
                    new ForgedHeadersRequest(target.remotePeer() != null));
            HostileLoad hostileLoad = new HostileLoad(kinds, target, state, o.hostileShare(), o.hostileConcurrency(),
                    load::started);
            log("main run %d min, %d connections, %.0f%% hostile%s", o.minutes(), o.connections(),
                    o.hostileShare() * 100, target.remotePeer() == null ? " (no non-loopback address: forged"
                            + " forwarding headers from loopback only)" : ", non-loopback peer " + target.remotePeer());
            mainRun(load, hostileLoad, gateway, normal, hostile, loaded);
            log("main: p50 %.1f ms, p99 %.1f ms over %d requests", loaded.millis(50), loaded.millis(99), loaded.count());

            HashAudit.Result audit;
            if (state.awaitUp(300_000)) {
                log("retrieving %d hashes", ledger.size());
                audit = new HashAudit(clients.get(), mapper, base).audit(ledger.all(), ledger::handedOutBeforeKill);
            } else {
                log("gateway still down after 5 minutes: no hash can be retrieved");
                audit = HashAudit.gatewayDown(ledger.all(), ledger::handedOutBeforeKill);
            }
            sampler.close();
            SoakResult result = new SoakResult(settings(port, gateway), normal.snapshot(), hostile.snapshot(),
                    latency(quiet), latency(loaded), loaded.windows(LATENCY_WINDOW_SECONDS), memory(sampler, gateway.log()),
                    new SoakResult.Restarts(o.kill(), gateway.plannedRestarts(), seconds(gateway.restartTimes()),
                            gateway.unplannedExits()),
                    new SoakResult.Hashes(ledger.size(), ledger.handedOutBeforeKill(), audit.outcomes(),
                            audit.outcomesBeforeKill(), audit.examples()));
            SoakReport report = new SoakReport(result, AcceptanceCriteria.evaluate(result, o.p99Ratio(), o.hostileShare()));
            Path md = report.write(o.outDir());
            System.out.println(report.markdown());
            log("report: %s (+ soak-report.json), gateway log: %s", md.toAbsolutePath(), gateway.log().toAbsolutePath());
            return report.passed();
        } finally {
            timer.shutdownNow();
            clientThreads.shutdownNow();
            deleteRecursively(workDir);
        }
    }

    private void mainRun(NormalLoad load, HostileLoad hostileLoad, GatewayProcess gateway, Tally normal,
                         Tally hostile, Percentiles loaded) throws Exception {
        ExecutorService phases = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> parts = new ArrayList<>();
            parts.add(phases.submit(() -> {
                load.run("main", o.mainRun(), normal, loaded);
                return null;
            }));
            parts.add(phases.submit(() -> {
                hostileLoad.run(o.mainRun(), hostile);
                return null;
            }));
            if (o.kill()) {
                parts.add(phases.submit(() -> {
                    Thread.sleep(o.mainRun().toMillis() / 2);
                    ledger.markKilled();
                    era.set(1);
                    log("SIGKILL gateway pid %d", gateway.pid());
                    gateway.killAndRestart();
                    log("gateway restarted, pid %d", gateway.pid());
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            phases.shutdownNow();
        }
    }

    private HostileKind.Target hostileTarget(int port, ScheduledExecutorService timer) throws SocketException {
        InetAddress remote = o.bindHost().equals("0.0.0.0") || o.bindHost().equals("::") ? nonLoopbackAddress() : null;
        return new HostileKind.Target(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), remote,
                remote == null ? null : new InetSocketAddress(remote, port), o.hostileHold().toMillis(), timer, ledger);
    }

    /** An IPv4 address of this machine that is not loopback, or null. */
    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private Map<String, Object> settings(int port, GatewayProcess gateway) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("gateway jar", o.gatewayJar().toAbsolutePath().toString());
        s.put("gateway", "-Xmx" + o.xmxMb() + "m, " + o.bindHost() + ":" + port + ", CCR disk path " + gateway.ccrDir()
                + (o.gatewayProperties().isEmpty() ? "" : ", extra " + o.gatewayProperties()));
        s.put("runs", "warm-up " + o.warmupSeconds() + " s, quiet " + o.quietSeconds() + " s, main " + o.minutes()
                + " min");
        s.put("normal traffic", o.connections() + " connections, " + (o.ratePerSecond() <= 0 ? "unpaced"
                : o.ratePerSecond() + " req/s") + ", " + o.tenants() + " tenants, " + o.variants() + " variants per kind");
        s.put("hostile traffic", String.format(java.util.Locale.ROOT, "%.1f%% of requests, at most %d at once, hold %d s",
                o.hostileShare() * 100, o.hostileConcurrency(), o.hostileHold().toSeconds()));
        s.put("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version());
        return s;
    }

    private static SoakResult.Latency latency(Percentiles p) {
        return new SoakResult.Latency(p.count(), p.millis(50), p.millis(99));
    }

    private SoakResult.Memory memory(MemorySampler sampler, Path gatewayLog) throws IOException {
        List<MemorySampler.Sample> samples = sampler.samples();
        long oom;
        try (Stream<String> lines = Files.lines(gatewayLog, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            oom = lines.filter(l -> l.contains("OutOfMemoryError")).count();
        }
        return new SoakResult.Memory(o.xmxMb(), o.rssBoundMb(), samples.size(),
                maxMb(samples, MemorySampler.Sample::heapUsed), maxMb(samples, MemorySampler.Sample::heapAfterGc),
                maxMb(samples, MemorySampler.Sample::rss), oom, sampler.problems());
    }

    /** The largest figure in MB, or -1 when it was never read. */
    private static double maxMb(List<MemorySampler.Sample> samples,
                                java.util.function.ToLongFunction<MemorySampler.Sample> figure) {
        long m = samples.stream().mapToLong(figure).max().orElse(-1);
        return m < 0 ? -1 : m / (double) (1 << 20);
    }

    private static List<Double> seconds(List<Duration> durations) {
        return durations.stream().map(d -> Math.round(d.toMillis() / 100.0) / 10.0).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[soak %tT] %s%n", System.currentTimeMillis(), String.format(java.util.Locale.ROOT, format, args));
    }
}
