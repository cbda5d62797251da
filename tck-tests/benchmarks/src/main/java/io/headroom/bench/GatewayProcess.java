package io.headroom.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The sample gateway under test: a child JVM we start, or a running one we attach to. */
final class GatewayProcess implements AutoCloseable {

    private final String baseUrl;
    private final long pid; // -1 when unknown (attached without --pid)
    private final Process process; // null when attached

    private GatewayProcess(String baseUrl, long pid, Process process) {
        this.baseUrl = baseUrl;
        this.pid = pid;
        this.process = process;
    }

    static GatewayProcess attach(String baseUrl, long pid) {
        return new GatewayProcess(baseUrl.replaceAll("/+$", ""), pid, null);
    }

    /** Starts {@code java -jar <jar>} with the gateway pointed at {@code upstreamUrl}; waits until /health answers. */
    static GatewayProcess start(Path jar, List<String> jvmOpts, String upstreamUrl, Path log, Duration startTimeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it with ./mvnw -B -DskipTests install");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOpts);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HEADROOM_HOST", "127.0.0.1");
        pb.environment().put("HEADROOM_PORT", Integer.toString(port));
        pb.environment().put("OPENAI_TARGET_API_URL", upstreamUrl);
        pb.environment().put("ANTHROPIC_TARGET_API_URL", upstreamUrl);
        pb.environment().put("HEADROOM_LOG_LEVEL", "WARN");
        Process p = pb.start();
        GatewayProcess g = new GatewayProcess("http://127.0.0.1:" + port, p.pid(), p);
        try {
            g.awaitHealthy(startTimeout);
        } catch (IOException | RuntimeException | InterruptedException e) {
            g.close();
            throw e;
        }
        return g;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IOException("gateway exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("gateway not healthy at " + baseUrl + " after " + timeout);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Peak resident set (VmHWM) in KiB, when the pid is known and /proc is there. */
    OptionalLong peakRssKb() {
        return procStatus("VmHWM:");
    }

    OptionalLong rssKb() {
        return procStatus("VmRSS:");
    }

    private OptionalLong procStatus(String field) {
        if (pid < 0) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).replace("kB", "").trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
