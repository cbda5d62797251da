package io.headroom.tck.spring.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.headroom.tck.spring.ReceivedRequest;
import io.headroom.tck.spring.SseScript;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The LLM provider behind the gateway, on a random loopback port (JDK HTTP server, HTTP/1.1): answers
 * each request with the {@link ReceivedRequest} report of what reached it, or with the {@link SseScript}
 * event stream when the request accepts {@code text/event-stream}.
 */
public final class StubUpstream implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private StubUpstream(HttpServer server) {
        this.server = server;
    }

    public static StubUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StubUpstream upstream = new StubUpstream(server);
        server.createContext("/", upstream::answer);
        server.setExecutor(upstream.executor);
        server.start();
        return upstream;
    }

    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] report = ReceivedRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getProtocol(), exchange.getRequestHeaders()::get, body).toJson();
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && accept.contains("text/event-stream")) {
                stream(exchange, report);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, report.length);
                exchange.getResponseBody().write(report);
            }
        }
    }

    private static void stream(HttpExchange exchange, byte[] report) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> events = SseScript.events(report);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                try {
                    SseScript.pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while streaming", e);
                }
            }
            out.write(("data: " + events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
