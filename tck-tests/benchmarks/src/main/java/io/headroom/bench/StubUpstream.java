package io.headroom.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in LLM API on loopback that answers every POST at once with a small chat completion, so
 * that a load run measures the gateway and not a model. Counts the request bytes it receives,
 * which shows whether the gateway forwarded compressed bodies.
 */
final class StubUpstream implements AutoCloseable {

    private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();

    private StubUpstream(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** @param port 0 for any free port */
    static StubUpstream start(int port, int threads) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the
        // client's delayed ACK add ~40 ms to every small answer. Read once, when the server class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stub-upstream");
            t.setDaemon(true);
            return t;
        });
        StubUpstream stub = new StubUpstream(server, workers);
        server.createContext("/", stub::handle);
        server.setExecutor(workers);
        server.start();
        return stub;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            long n = in.transferTo(java.io.OutputStream.nullOutputStream());
            requests.incrementAndGet();
            bodyBytes.addAndGet(n);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, ANSWER.length);
            ex.getResponseBody().write(ANSWER);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests and body bytes received so far. */
    long[] counters() {
        return new long[] {requests.get(), bodyBytes.get()};
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
