package io.headroom.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sample gateway as a child JVM: started with a fixed heap cap, a persistent CCR directory and its
 * upstreams pointed at the stub; killed with SIGKILL on request and restarted on the same port and
 * CCR directory. An exit nobody asked for (a crash, an OutOfMemoryError turned fatal) is recorded and
 * the gateway restarted, so the run goes on and the report can say what happened.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final SoakOptions options;
    private final int port;
    private final String upstreamUrl;
    private final Path ccrDir;
    private final Path workDir;
    private final Path log;
    private final GatewayState state;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> unplannedExits = new CopyOnWriteArrayList<>();
    private final List<Duration> restartTimes = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile boolean stopping;
    private volatile Process killed;
    private volatile int plannedRestarts;

    GatewayProcess(SoakOptions options, int port, String upstreamUrl, Path workDir, GatewayState state) {
        this.options = options;
        this.port = port;
        this.upstreamUrl = upstreamUrl;
        this.workDir = workDir;
        this.ccrDir = Path.of(options.gatewayProperties().getOrDefault(
                "quarkus.headroom.ccr.disk-path", workDir.resolve("ccr").toString()));
        this.log = options.outDir().resolve("gateway.log");
        this.state = state;
    }

    int port() {
        return port;
    }

    Path ccrDir() {
        return ccrDir;
    }

    Path log() {
        return log;
    }

    /** The running gateway's pid, or -1 while none runs (before the start, during a restart). */
    long pid() {
        Process p = process;
        return p == null || !p.isAlive() ? -1 : p.pid();
    }

    List<String> unplannedExits() {
        return List.copyOf(unplannedExits);
    }

    List<Duration> restartTimes() {
        return List.copyOf(restartTimes);
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + options.xmxMb() + "m");
        cmd.add("-Dquarkus.http.host=" + options.bindHost());
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dheadroom.gateway.openai-target-url=" + upstreamUrl);
        cmd.add("-Dheadroom.gateway.anthropic-target-url=" + upstreamUrl);
        cmd.add("-Dquarkus.headroom.ccr.disk-path=" + ccrDir);
        cmd.add("-Dheadroom.savings.path=" + workDir.resolve("savings/proxy_savings.json"));
        cmd.add("-Dheadroom.pricing.models-file=" + workDir.resolve("no-models.json"));
        for (Map.Entry<String, String> p : options.gatewayProperties().entrySet()) {
            if (!p.getKey().equals("quarkus.headroom.ccr.disk-path")) {
                cmd.add("-D" + p.getKey() + "=" + p.getValue());
            }
        }
        cmd.add("-jar");
        cmd.add(options.gatewayJar().toAbsolutePath().toString());
        return cmd;
    }

    /** Starts the gateway and waits until /readyz answers 200 (warm, as a load balancer would wait). */
    synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(ccrDir);
        Files.createDirectories(log.getParent());
        if (process == null) {
            Files.deleteIfExists(log); // one log per soak: its OutOfMemoryError lines are counted
        }
        Files.writeString(log, "=== soak: gateway start " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("HEADROOM_") || k.endsWith("_TARGET_API_URL"));
        Process p = pb.start();
        process = p;
        p.onExit().thenAccept(this::exited);
        awaitReady(p);
        state.markUp();
    }

    private void awaitReady(Process p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("gateway exited with " + p.exitValue() + " during start-up; see " + log);
            }
            try {
                if (probe.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("gateway not ready after " + READY_TIMEOUT + "; see " + log);
    }

    /** SIGKILL (no shutdown hooks run, nothing flushed), then a restart on the same port and CCR path. */
    void killAndRestart() throws IOException, InterruptedException {
        Process p = process;
        killed = p;
        state.markDown(true);
        p.toHandle().destroyForcibly();
        p.waitFor();
        restart();
        plannedRestarts++;
    }

    int plannedRestarts() {
        return plannedRestarts;
    }

    private synchronized void restart() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        start();
        restartTimes.add(Duration.ofNanos(System.nanoTime() - t0));
    }

    private void exited(Process p) {
        if (p != process || p == killed || stopping) {
            return;
        }
        state.markDown(false);
        unplannedExits.add(Instant.now() + ": exit code " + p.exitValue());
        Thread restarter = new Thread(() -> {
            try {
                restart();
            } catch (IOException | InterruptedException e) {
                unplannedExits.add(Instant.now() + ": restart failed: " + e.getMessage());
            }
        }, "gateway-restart");
        restarter.setDaemon(true);
        restarter.start();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy(); // a clean stop at the end: SIGTERM
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
