package io.headroom.scaleout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the packaged sample gateway (sample-app/target/quarkus-app), started as its own JVM on a free
 * loopback port with the redis CCR backend, as an operator runs it: configured only by environment variables.
 */
final class GatewayReplica implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("headroom.scaleout.gatewayJar",
            "../../sample-app/target/quarkus-app/quarkus-run.jar"));
    private static final Path LOGS = Path.of(System.getProperty("headroom.scaleout.logs", "target/gateways"));
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private GatewayReplica(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.log = log;
    }

    /** Starts the process; {@link #awaitHealthy()} waits for it (several replicas start side by side). */
    static GatewayReplica launch(String name, String upstreamUrl, String redisUrl, Map<String, String> extraEnv)
            throws IOException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log").toAbsolutePath();
        Path home = Files.createTempDirectory("headroom-replica-" + name);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HEADROOM_HOST", "127.0.0.1");
        env.put("HEADROOM_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("OPENAI_TARGET_API_URL", upstreamUrl);
        env.put("ANTHROPIC_TARGET_API_URL", upstreamUrl);
        env.put("HEADROOM_TELEMETRY", "off");
        // each replica its own savings file: only CCR is shared
        env.put("HEADROOM_SAVINGS_PATH", home.resolve("proxy_savings.json").toString());
        env.put("QUARKUS_HEADROOM_CCR_BACKEND", "redis");
        env.put("QUARKUS_HEADROOM_CCR_REDIS_URL", redisUrl);
        env.putAll(extraEnv);
        return new GatewayReplica(name, builder.start(), port, log);
    }

    GatewayReplica awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("replica " + name + " exited with " + process.exitValue() + " (log: " + log + ")");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("replica " + name + " did not answer /health within " + STARTUP.toSeconds() + " s (log: " + log + ")");
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return baseUrl;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
