package io.headroom.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast stand-in provider for load tests. It keeps nothing per request (so it does not skew heap
 * figures) and answers every request with a small chat completion whose id echoes the client's
 * {@code x-soak-id} and whose {@code hashes} list the CCR markers found in the forwarded body, so the
 * client can check that it got the answer to its own request and collect every hash handed out.
 */
public class SoakUpstream implements QuarkusTestResourceLifecycleManager {
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private HttpServer server;
    private ExecutorService executor;
    private final LongAdder received = new LongAdder();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("headroom.gateway.openai-target-url", url, "headroom.gateway.anthropic-target-url", url);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.increment();
            List<String> hashes = new ArrayList<>();
            Matcher m = HASH.matcher(body);
            while (m.find()) {
                if (!hashes.contains(m.group(1))) {
                    hashes.add(m.group(1));
                }
            }
            String id = String.valueOf(ex.getRequestHeaders().getFirst("x-soak-id"));
            StringBuilder answer = new StringBuilder("{\"id\":\"soak-").append(id.replaceAll("[^0-9a-z-]", ""))
                    .append("\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":")
                    .append("\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"hashes\":[");
            for (int i = 0; i < hashes.size(); i++) {
                answer.append(i == 0 ? "\"" : ",\"").append(hashes.get(i)).append('"');
            }
            byte[] data = answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, data.length);
            ex.getResponseBody().write(data);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
