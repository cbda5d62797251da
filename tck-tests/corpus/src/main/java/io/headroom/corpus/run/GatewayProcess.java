package io.headroom.corpus.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway under test, started as a separate process by a shell command (as an operator would), on a free
 * loopback port, forwarding to the stub upstream; stopped with its child processes when closed.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final String baseUrl;

    private GatewayProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static GatewayProcess start(String command, int port, String upstreamUrl, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HEADROOM_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("HEADROOM_HOST", "127.0.0.1");
        env.put("OPENAI_TARGET_API_URL", upstreamUrl);
        env.put("ANTHROPIC_TARGET_API_URL", upstreamUrl);
        env.put("HEADROOM_TELEMETRY", "off");
        GatewayProcess gateway = new GatewayProcess(builder.start(), "http://127.0.0.1:" + port);
        try {
            gateway.awaitHealthy(log);
        } catch (IOException | RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    String baseUrl() {
        return baseUrl;
    }

    private void awaitHealthy(Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the gateway exited with " + process.exitValue() + " before answering /health (log: " + log + ")");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the gateway", e);
            }
            sleep();
        }
        throw new IOException("the gateway did not answer /health within " + STARTUP.toSeconds() + " s (log: " + log + ")");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        // the shell may have forked the JVM rather than exec'd it: stop the whole tree, the children first
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }
}
