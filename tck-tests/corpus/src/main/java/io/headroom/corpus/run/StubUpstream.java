package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.headroom.tck.stub.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The LLM provider the gateway forwards to, on loopback: records every request it receives and answers in the
 * shape of the route (Chat Completions, Messages, Responses). A streaming request gets its first event at once and
 * the rest only after the client reported having read that first event ({@link #holdNextStream()}), so an answer
 * buffered by the gateway is detected without any timing threshold.
 */
final class StubUpstream implements AutoCloseable {
    /** How long a stream waits for the client to see its first event before it finishes anyway. */
    private static final long STREAM_HOLD_SECONDS = 20;

    record Received(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    /** One streamed answer: counted down by the client when the first event arrived. */
    static final class StreamHold {
        final CountDownLatch firstEventSeen = new CountDownLatch(1);
        volatile boolean finishedWithoutClient;
    }

    private final LoopbackHttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile StreamHold hold;

    StubUpstream() throws IOException {
        server = LoopbackHttpServer.start("corpus-stub-upstream", this::handle);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    List<Received> received() {
        return received;
    }

    void clear() {
        received.clear();
    }

    StreamHold holdNextStream() {
        StreamHold h = new StreamHold();
        hold = h;
        return h;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = parse(raw);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            if (body != null && body.path("stream").asBoolean(false)) {
                stream(exchange);
            } else {
                answer(exchange, path);
            }
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return CorpusCase.MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, String path) throws IOException {
        String json;
        if (path.endsWith("/messages")) {
            json = "{\"id\": \"msg_stub\", \"type\": \"message\", \"role\": \"assistant\", \"model\": \"stub\", "
                    + "\"content\": [{\"type\": \"text\", \"text\": \"stub answer\"}], \"stop_reason\": \"end_turn\", "
                    + "\"usage\": {\"input_tokens\": 1, \"output_tokens\": 2}}";
        } else if (path.endsWith("/responses")) {
            json = "{\"id\": \"resp_stub\", \"object\": \"response\", \"status\": \"completed\", \"output\": [{\"type\": "
                    + "\"message\", \"role\": \"assistant\", \"content\": [{\"type\": \"output_text\", \"text\": \"stub answer\"}]}]}";
        } else {
            json = "{\"id\": \"chatcmpl-stub\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, \"message\": "
                    + "{\"role\": \"assistant\", \"content\": \"stub answer\"}, \"finish_reason\": \"stop\"}], "
                    + "\"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 2, \"total_tokens\": 3}}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange) throws IOException {
        StreamHold current = hold;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 6; i++) {
            out.write(("data: {\"id\": \"chatcmpl-s\", \"object\": \"chat.completion.chunk\", \"choices\": [{\"index\": 0, "
                    + "\"delta\": {\"content\": \"tok" + i + " \"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (i == 0 && current != null) {
                awaitClient(current);
            }
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitClient(StreamHold current) {
        try {
            current.finishedWithoutClient = !current.firstEventSeen.await(STREAM_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
