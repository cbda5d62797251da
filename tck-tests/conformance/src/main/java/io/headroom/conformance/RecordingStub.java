package io.headroom.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The loopback upstream every host's downstream relays to: it records what it received under the
 * request's {@value #ID_HEADER} and answers with a fixed JSON body, or with server-sent events when
 * asked by {@value #RESPOND_HEADER}{@code : sse}.
 *
 * <p>One stub per JVM, shared across class loaders: its URI is published in the system property
 * {@value #URI_PROPERTY}, so a host whose application runs in its own class loader (Quarkus) finds the
 * same stub, and the contract reads recordings over HTTP rather than through a static field.
 *
 * <p>SSE: the stub sends the first event, then waits until the test calls {@link #release} (after the
 * client has read that first event) before it sends the rest. A host that buffers the stream makes the
 * stub give up waiting after {@link #RELEASE_TIMEOUT}; the recording then says the last event was sent
 * before the client released it, and the contract fails on that, not on a clock.
 */
public final class RecordingStub {
    private static final int MAX_RECORDINGS = 64;
    /** System property holding the stub's base URI once started. */
    public static final String URI_PROPERTY = "headroom.conformance.stub-uri";
    /** Request header naming one exchange; the contract sets it, relays forward it. */
    public static final String ID_HEADER = "x-conformance-id";
    /** Request header: {@code sse} asks for an event stream instead of the JSON answer. */
    public static final String RESPOND_HEADER = "x-conformance-respond";
    /**
     * Request header naming a {@link RetrieveScript.Scenario}: the stub then plays the model of that scenario (a
     * headroom_retrieve call, then the answer to the follow-up) and records round {@code n > 1} of the exchange
     * under {@code id + ".r" + n}.
     */
    public static final String SCRIPT_HEADER = "x-conformance-script";
    /** Marks a request coming from a {@link io.headroom.conformance.downstream.DownstreamRelay}. */
    public static final String RELAY_HEADER = "x-conformance-relay";
    /** Prefix of the headers in which a relay reports what its application saw. */
    public static final String OBSERVED_PREFIX = "x-observed-";
    /** The request headers recorded as the downstream saw them. */
    public static final List<String> OBSERVED_HEADERS =
            List.of("content-type", "content-length", "content-encoding", "transfer-encoding");

    /** The non-streaming answer, relayed to the client unchanged. */
    public static final byte[] JSON_RESPONSE = ("{\"id\":\"chatcmpl-conformance\",\"object\":\"chat.completion\","
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"The error is E4716 on request req-b7c598601d4d ☕\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":12,\"total_tokens\":1212}}")
            .getBytes(StandardCharsets.UTF_8);
    /** The data of the streamed events, in order; the first is sent before the client releases the rest. */
    public static final List<String> SSE_EVENTS = List.of(
            "{\"id\":\"chatcmpl-conformance\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The error\"}}]}",
            "{\"id\":\"chatcmpl-conformance\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" is E4716\"}}]}",
            "{\"id\":\"chatcmpl-conformance\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
            "[DONE]");
    /** How long the stub waits for the client to release the rest of a stream. */
    public static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(15);

    private static final String CONTROL = "/__conformance/";
    private static final long KEEP_ALIVE_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CONTROL_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The latest recordings; a test may read one several times, so reading does not remove it, and the
     * eldest are dropped instead (a test reads its exchange right after making it).
     */
    private final Map<String, ObjectNode> recordings = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > MAX_RECORDINGS;
        }
    });
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
    private final Map<String, Integer> rounds = new ConcurrentHashMap<>();

    private RecordingStub() {
    }

    /** The stub's base URI, starting it on first use in this JVM. */
    public static URI uri() {
        // the system properties are the one monitor every class loader of this JVM shares
        synchronized (System.getProperties()) {
            String published = System.getProperty(URI_PROPERTY);
            if (published == null) {
                published = new RecordingStub().start().toString();
                System.setProperty(URI_PROPERTY, published);
            }
            return URI.create(published);
        }
    }

    /** What the downstream received for exchange {@code id}; fails when nothing reached it. */
    public static Received received(String id) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = control(HttpRequest.newBuilder(uri().resolve(CONTROL + "received/" + id)).GET());
        if (r.statusCode() == 404) {
            throw new AssertionError("the downstream never received exchange " + id);
        }
        return Received.parse(JSON.readTree(r.body()));
    }

    /** What reached the stub in round {@code round} (1 = the first request) of a scripted exchange, or null. */
    public static Received receivedRound(String id, int round) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = control(HttpRequest.newBuilder(
                uri().resolve(CONTROL + "received/" + roundKey(id, round))).GET());
        return r.statusCode() == 404 ? null : Received.parse(JSON.readTree(r.body()));
    }

    private static String roundKey(String id, int round) {
        return round == 1 ? id : id + ".r" + round;
    }

    /** Lets the stub send the rest of exchange {@code id}'s event stream. */
    public static void release(String id) throws IOException, InterruptedException {
        control(HttpRequest.newBuilder(uri().resolve(CONTROL + "release/" + id))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<byte[]> control(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CONTROL_CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI start() {
        // without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK (~40 ms per answer), which
        // would swamp the latency measurement; read once, when the first JDK HttpServer of this JVM is created
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(task, "conformance-stub");
                t.setDaemon(true); // lives as long as the test JVM, never keeps it alive
                return t;
            });
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the conformance stub", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(CONTROL + "received/")) {
                answerRecording(exchange, path.substring((CONTROL + "received/").length()));
            } else if (path.startsWith(CONTROL + "release/")) {
                latch(path.substring((CONTROL + "release/").length())).countDown();
                exchange.sendResponseHeaders(204, -1);
            } else {
                serve(exchange);
            }
        }
    }

    private void answerRecording(HttpExchange exchange, String id) throws IOException {
        ObjectNode recording = recordings.get(id);
        if (recording == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = JSON.writeValueAsBytes(recording);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void serve(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = headers.getFirst(ID_HEADER);
        ObjectNode recording = JSON.createObjectNode();
        recording.put("method", exchange.getRequestMethod());
        recording.put("path", exchange.getRequestURI().getRawPath());
        boolean relayed = headers.containsKey(RELAY_HEADER);
        for (String name : OBSERVED_HEADERS) {
            // a relay reports what its application saw; a proxying host is observed directly
            recording.put(name, headers.getFirst(relayed ? OBSERVED_PREFIX + name : name));
        }
        recording.put("body_base64", Base64.getEncoder().encodeToString(body));
        String script = headers.getFirst(SCRIPT_HEADER);
        if (script != null && id != null) {
            playScript(exchange, RetrieveScript.Scenario.valueOf(script), id, body, recording);
            return;
        }
        boolean sse = "sse".equals(headers.getFirst(RESPOND_HEADER));
        if (id != null) {
            recordings.put(id, recording);
        }
        if (sse && id != null) {
            streamEvents(exchange, id, recording);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, JSON_RESPONSE.length);
            exchange.getResponseBody().write(JSON_RESPONSE);
        }
    }

    private void streamEvents(HttpExchange exchange, String id, ObjectNode recording) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked: each flush goes out as it is written
        OutputStream out = exchange.getResponseBody();
        writeEvent(out, SSE_EVENTS.get(0));
        boolean released;
        try {
            released = latch(id).await(RELEASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            released = false;
        }
        recording.put("rest_sent_after_release", released);
        recordings.put(id, recording); // published again so the control thread sees the flag
        releases.remove(id);
        for (String data : SSE_EVENTS.subList(1, SSE_EVENTS.size())) {
            writeEvent(out, data);
        }
    }

    /** One round of a scripted exchange: records it under its round's key, then plays the scenario's answer. */
    private void playScript(HttpExchange exchange, RetrieveScript.Scenario scenario, String id, byte[] body,
                            ObjectNode recording) throws IOException {
        int round = rounds.merge(id, 1, Integer::sum);
        String key = roundKey(id, round);
        recordings.put(key, recording);
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            request = JSON.createObjectNode();
        }
        RetrieveScript.Answer answer = RetrieveScript.answer(scenario, round, request, text);
        if (answer == null) {
            streamUntilTheClientIsGone(exchange, key, recording);
            return;
        }
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", answer.contentType());
        if (answer.retryAfter() != null) {
            out.set("retry-after", answer.retryAfter());
        }
        if (answer.pieces().size() == 1) {
            byte[] bytes = answer.bytes();
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), 0);
        OutputStream stream = exchange.getResponseBody();
        for (String piece : answer.pieces()) {
            stream.write(piece.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }

    /**
     * The opening chunk, then a keep-alive comment every {@link #KEEP_ALIVE_MILLIS} until a write fails: the
     * connection was closed (the host cancelled the upstream call), recorded as {@code upstream_closed}.
     */
    private void streamUntilTheClientIsGone(HttpExchange exchange, String key, ObjectNode recording) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        boolean closed = false;
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(RetrieveScript.openingChunk().getBytes(StandardCharsets.UTF_8));
            out.flush();
            long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(KEEP_ALIVE_MILLIS);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recording.put("upstream_closed", closed);
        recordings.put(key, recording); // published again so the control thread sees the flag
    }

    private static void writeEvent(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private CountDownLatch latch(String id) {
        return releases.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    /** What reached the stub for one exchange, with the headers as the host's application saw them. */
    public record Received(String method, String path, String contentType, String contentLength,
                           String contentEncoding, String transferEncoding, byte[] body,
                           Boolean restSentAfterRelease, Boolean upstreamClosed) {

        static Received parse(JsonNode r) {
            return new Received(r.path("method").asText(), r.path("path").asText(), text(r, "content-type"),
                    text(r, "content-length"), text(r, "content-encoding"), text(r, "transfer-encoding"),
                    Base64.getDecoder().decode(r.path("body_base64").asText()),
                    r.has("rest_sent_after_release") ? r.path("rest_sent_after_release").asBoolean() : null,
                    r.has("upstream_closed") ? r.path("upstream_closed").asBoolean() : null);
        }

        private static String text(JsonNode r, String field) {
            JsonNode v = r.path(field);
            return v.isMissingNode() || v.isNull() ? null : v.asText();
        }

        /** The body as UTF-8 text, for needle searches and messages. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
