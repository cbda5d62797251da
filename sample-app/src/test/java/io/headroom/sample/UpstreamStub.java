package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in LLM provider on loopback that records every request it receives. It answers like
 * OpenAI or Anthropic (by path), streams server-sent events with pauses when the body asks for
 * {@code "stream": true}, answers with the status named in {@code x-stub-status} and only after
 * {@code x-stub-delay-ms} if present; {@code x-stub-usage: IN,OUT} adds the provider's usage object
 * (streams: a final usage chunk, as OpenAI sends with stream_options.include_usage).
 */
final class UpstreamStub implements AutoCloseable {
    static final int STREAM_EVENTS = 6;
    static final long STREAM_PAUSE_MILLIS = 500;

    /** One request as the upstream saw it. Header names are lower case. */
    record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong streamFinishedAtNanos = new AtomicLong();
    private final AtomicBoolean streamCompleted = new AtomicBoolean();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    UpstreamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the upstream received no request");
        }
        return received.get(received.size() - 1);
    }

    void clear() {
        received.clear();
        streamFinishedAtNanos.set(0);
        streamCompleted.set(false);
    }

    /** True when the last stream was written to its end, false when the connection broke off. */
    boolean streamCompleted() {
        return streamCompleted.get();
    }

    /** {@link System#nanoTime()} when the last streamed answer was completely written, else 0. */
    long streamFinishedAtNanos() {
        return streamFinishedAtNanos.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), headers, body));

            String forcedStatus = ex.getRequestHeaders().getFirst("x-stub-status");
            String delay = ex.getRequestHeaders().getFirst("x-stub-delay-ms");
            if (delay != null) {
                sleep(Long.parseLong(delay));
            }
            JsonNode json = parse(body);
            String usage = ex.getRequestHeaders().getFirst("x-stub-usage");
            if (json != null && json.path("stream").asBoolean(false)) {
                stream(ex, usage);
                return;
            }
            String path = ex.getRequestURI().getPath();
            String answer;
            if (forcedStatus != null) {
                answer = "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"stub says slow down\"}}";
            } else if (path.endsWith("/messages")) {
                answer = "{\"id\":\"msg_stub\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"stub answer\"}],\"stop_reason\":\"end_turn\"}";
            } else if (path.endsWith("/responses")) {
                answer = "{\"id\":\"resp_stub\",\"object\":\"response\",\"status\":\"completed\",\"output\":[]}";
            } else {
                answer = "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"stub answer\"},\"finish_reason\":\"stop\"}]}";
            }
            if (usage != null && forcedStatus == null) {
                answer = answer.substring(0, answer.length() - 1) + "," + usageObject(path, usage) + "}";
            }
            byte[] data = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("x-request-id", "req_stub_123");
            ex.getResponseHeaders().add("Keep-Alive", "timeout=5");
            ex.sendResponseHeaders(forcedStatus != null ? Integer.parseInt(forcedStatus) : 200, data.length);
            ex.getResponseBody().write(data);
        }
    }

    /** Chunked SSE, one flushed event every {@link #STREAM_PAUSE_MILLIS}. */
    /** {@code "usage":{...}} in the shape of the API at {@code path}. */
    private static String usageObject(String path, String usage) {
        String[] n = usage.split(",");
        return path.endsWith("/chat/completions")
                ? "\"usage\":{\"prompt_tokens\":" + n[0] + ",\"completion_tokens\":" + n[1] + ",\"total_tokens\":"
                        + (Long.parseLong(n[0]) + Long.parseLong(n[1])) + "}"
                : "\"usage\":{\"input_tokens\":" + n[0] + ",\"output_tokens\":" + n[1] + "}";
    }

    private void stream(HttpExchange ex, String usage) throws IOException {
        streamCompleted.set(false);
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            for (int i = 0; i < STREAM_EVENTS; i++) {
                String event = "data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"choices\":"
                        + "[{\"index\":0,\"delta\":{\"content\":\"tok" + i + " \"}}]}\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(STREAM_PAUSE_MILLIS);
            }
            if (usage != null) {
                out.write(("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                        + usageObject("/chat/completions", usage) + "}\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            streamCompleted.set(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streamFinishedAtNanos.set(System.nanoTime());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
