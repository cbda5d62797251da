package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler in a real Vert.x HttpServer + Router (HTTP/1.1 and h2c) on a random port, in front of routes that
 * echo the body they were handed. The same class runs against Vert.x 4.5 here and against Vert.x 5 in the
 * {@code vertx5-test} module, with the jar compiled against 4.5.
 */
class HeadroomHandlerTest {
    /** Response headers of the echo route. */
    private static final String ECHO_LENGTH = "x-echo-content-length";
    private static final String ECHO_ENCODING = "x-echo-content-encoding";
    private static final String ECHO_THREAD = "x-echo-thread";
    private static final String ECHO_CONTEXT_BODY = "x-echo-context-body";

    private Vertx vertx;
    private Headroom headroom;
    private URI base;
    /** Thread the last pipeline ran on (listeners run on the pipeline's thread). */
    private volatile String pipelineThread;

    enum Protocol {
        HTTP_1_1(HttpClient.Version.HTTP_1_1), H2C(HttpClient.Version.HTTP_2);

        final HttpClient client;

        Protocol(HttpClient.Version version) {
            this.client = HttpClient.newBuilder().version(version).build();
        }
    }

    private void start(HeadroomConfig config, int compressionThreads) throws Exception {
        start(config, compressionThreads, HeadroomHandler.DEFAULT_READ_LIMIT);
    }

    private void start(HeadroomConfig config, int compressionThreads, long readLimit) throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(config, (endpoint, mode, outcome, nanos) -> pipelineThread = Thread.currentThread().getName());
        HeadroomHandler handler = HeadroomHandler.builder(headroom).compressionThreads(compressionThreads)
                .readLimit(readLimit).build();
        Router router = Router.router(vertx);
        router.route("/pre/*").handler(BodyHandler.create());           // the application's BodyHandler before Headroom
        router.route().handler(handler.bodyReader()).handler(handler);
        router.route("/bh/*").handler(BodyHandler.create());            // ... and one after it
        router.get().handler(rc -> rc.response().end("ok"));
        router.post().handler(HeadroomHandlerTest::echo);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
    }

    private void start() throws Exception {
        start(HeadroomConfig.defaults(), 0);
    }

    /** Answers with the body handed on, and what the route saw of headers, thread and rc.body(). */
    private static void echo(RoutingContext rc) {
        Buffer body = HeadroomHandler.body(rc);
        String length = rc.request().getHeader("Content-Length");
        String encoding = rc.request().getHeader("Content-Encoding");
        String thread = Thread.currentThread().getName();
        if (body == null) { // not read by anyone: read the stream
            rc.request().body().onSuccess(b -> answer(rc, b, length, encoding, thread, "unread"));
        } else {
            Buffer context = rc.body().available() ? rc.body().buffer() : null;
            answer(rc, body, length, encoding, thread, String.valueOf(body.equals(context)));
        }
    }

    private static void answer(RoutingContext rc, Buffer body, String length, String encoding, String thread,
                               String contextBody) {
        rc.response().putHeader(ECHO_LENGTH, String.valueOf(length)).putHeader(ECHO_ENCODING, String.valueOf(encoding))
                .putHeader(ECHO_THREAD, thread).putHeader(ECHO_CONTEXT_BODY, contextBody).end(body);
    }

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (headroom != null) {
            headroom.close();
        }
    }

    static java.util.stream.Stream<Arguments> pathsAndProtocols() {
        return Arrays.stream(Protocol.values()).flatMap(p -> java.util.stream.Stream.of(
                Arguments.of(p, "/v1/chat/completions"), Arguments.of(p, "/bh/v1/chat/completions"),
                Arguments.of(p, "/pre/v1/chat/completions")));
    }

    @Test
    void runsOnTheVertxVersionThisModuleIsFor() throws IOException {
        String expected = System.getProperty("expected.vertx.major");
        assertNotNull(expected, "surefire sets expected.vertx.major");
        Properties pom = new Properties();
        try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/maven/io.vertx/vertx-core/pom.properties")) {
            pom.load(in);
        }
        assertTrue(pom.getProperty("version").startsWith(expected + "."), "Vert.x " + pom.getProperty("version"));
        assertEquals("4".equals(expected), HeadroomHandler.replacesRoutingContextBody());
    }

    @ParameterizedTest
    @MethodSource("pathsAndProtocols")
    void routeReceivesTheCompressedBody(Protocol protocol, String path) throws Exception {
        start();
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(protocol, path, HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        byte[] seen = r.body();
        assertTrue(seen.length < original.length / 2, "route saw " + seen.length + " of " + original.length);
        assertEquals(String.valueOf(seen.length), header(r, ECHO_LENGTH));
        assertSavingHeaders(r);
        JsonNode request = LlmRequests.parse(seen);
        assertEquals(LlmRequests.SYSTEM_PROMPT, request.at("/messages/0/content").asText());
        assertEquals(LlmRequests.USER_QUESTION, request.at("/messages/1/content").asText());
        assertTrue(LlmRequests.lastContent(request).contains(LlmRequests.ERROR_NEEDLE));
        assertTrue(header(r, ECHO_THREAD).contains("eventloop"), "the route runs on the event loop again");
        assertTrue(pipelineThread.contains("worker"), "pipeline ran on " + pipelineThread);
        // Vert.x 4.5: rc.body() is the compressed body too; Vert.x 5 has no public setter, rc.body() stays as sent
        assertEquals(String.valueOf(HeadroomHandler.replacesRoutingContextBody()), header(r, ECHO_CONTEXT_BODY));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void bodyOfUnknownLengthIsCompressed(Protocol protocol) throws Exception {
        start();
        byte[] original = LlmRequests.anthropicMessages();

        HttpResponse<byte[]> r = post(protocol, "/v1/messages",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertTrue(r.body().length < original.length);
        assertEquals(String.valueOf(r.body().length), header(r, ECHO_LENGTH));
        assertEquals(LlmRequests.SYSTEM_PROMPT, LlmRequests.parse(r.body()).get("system").asText());
        assertSavingHeaders(r);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void gzipBodyIsDecodedCompressedAndHandedOnPlain(Protocol protocol) throws Exception {
        start();
        byte[] json = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(gzip(json)),
                Map.of("Content-Encoding", "gzip"));

        assertSavingHeaders(r);
        assertTrue(r.body().length < json.length);
        assertTrue(LlmRequests.lastContent(LlmRequests.parse(r.body())).contains(LlmRequests.ERROR_NEEDLE));
        assertEquals("null", header(r, ECHO_ENCODING), "a decoded body must not claim its old Content-Encoding");
        assertEquals(String.valueOf(r.body().length), header(r, ECHO_LENGTH));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void gzipBodyWithNothingToCompressGoesOnAsSent(Protocol protocol) throws Exception {
        start();
        byte[] gz = gzip("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> r = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(gz),
                Map.of("Content-Encoding", "gzip"));

        assertArrayEquals(gz, r.body());
        assertEquals("gzip", header(r, ECHO_ENCODING));
        assertEquals("false", header(r, "x-headroom-compressed"));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void bypassAndAuditForwardTheOriginalAndClaimNoSavings(Protocol protocol) throws Exception {
        start();
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> bypassed = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-bypass", "true"));
        HttpResponse<byte[]> audited = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-mode", "audit"));

        assertArrayEquals(original, bypassed.body());
        assertEquals("unread", header(bypassed, ECHO_CONTEXT_BODY), "a bypassed body is not even read");
        assertHeaders(bypassed, "false", "0", "0", "0");
        assertArrayEquals(original, audited.body());
        String before = header(audited, "x-headroom-tokens-before");
        assertTrue(Integer.parseInt(before) > 0, "audit measured the request");
        assertHeaders(audited, "false", before, before, "0");
        assertEquals(1, headroom.stats().requestsTotal(), "only the audited request went through the pipeline");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void otherRequestsAreNotTouched(Protocol protocol) throws Exception {
        start();
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> embeddings = post(protocol, "/v1/embeddings", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
        HttpResponse<byte[]> text = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("Content-Type", "text/plain"));

        assertArrayEquals(original, embeddings.body());
        assertEquals("unread", header(embeddings, ECHO_CONTEXT_BODY));
        assertNull(header(embeddings, "x-headroom-compressed"));
        assertArrayEquals(original, text.body());
        assertEquals("false", header(text, "x-headroom-compressed"));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void malformedBodyIsForwardedUnchanged(Protocol protocol) throws Exception {
        start();
        byte[] original = "{\"messages\": [ not json".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.body());
        assertHeaders(r, "false", "0", "0", "0");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void oversizedBodies(Protocol protocol) throws Exception {
        start(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build(), 0);
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> declared = post(protocol, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
        HttpResponse<byte[]> unknownLength = post(protocol, "/v1/chat/completions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertArrayEquals(original, declared.body(), "a declared oversized body goes on unread and untouched");
        assertEquals("unread", header(declared, ECHO_CONTEXT_BODY));
        assertEquals("false", header(declared, "x-headroom-compressed"));
        assertEquals(200, unknownLength.statusCode());
        assertArrayEquals(original, unknownLength.body(), "a body that grows past max-body-bytes goes on as received");
        assertEquals("false", header(unknownLength, "x-headroom-compressed"));
        assertEquals(0, headroom.stats().requestsTotal());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aBodyPastTheReadLimitIsRefusedLikeTheServersOwnLimit(Protocol protocol) throws Exception {
        start(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build(), 0, 8192);
        byte[] original = LlmRequests.openAiChat();
        assertTrue(original.length > 8192);

        HttpResponse<byte[]> unknownLength = post(protocol, "/v1/chat/completions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertEquals(413, unknownLength.statusCode(), "a body that grows past the read limit is stopped");
        assertEquals(io.headroom.host.ErrorBodies.CONTENT_TYPE,
                unknownLength.headers().firstValue("Content-Type").orElse(""));
        assertEquals("payload_too_large", new com.fasterxml.jackson.databind.ObjectMapper().readTree(unknownLength.body())
                .path("error").path("type").asText(), new String(unknownLength.body(), StandardCharsets.UTF_8));
        assertEquals(0, headroom.stats().requestsTotal());
    }

    @Test
    void largeBodiesRunOnTheCompressionPool() throws Exception {
        start(HeadroomConfig.defaults(), 1);
        byte[] large = LlmRequests.openAiChat();
        assertTrue(large.length > CompressionLanes.SMALL_BODY_BYTES, "large: " + large.length);

        HttpResponse<byte[]> r = post(Protocol.HTTP_1_1, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(large), Map.of());

        assertSavingHeaders(r);
        assertTrue(pipelineThread.startsWith(CompressionLanes.POOL_NAME), pipelineThread);
        byte[] small = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);
        post(Protocol.HTTP_1_1, "/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(small), Map.of());
        assertTrue(!pipelineThread.startsWith(CompressionLanes.POOL_NAME), "small bodies do not queue: " + pipelineThread);
    }

    private HttpResponse<byte[]> post(Protocol protocol, String path, HttpRequest.BodyPublisher body,
                                      Map<String, String> headers) throws Exception {
        if (protocol == Protocol.H2C) {
            // the h2c upgrade happens on a body-less request; afterwards the connection speaks HTTP/2
            HttpResponse<Void> warm = protocol.client.send(HttpRequest.newBuilder(base.resolve("/ping")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, warm.statusCode());
        }
        Map<String, String> all = new HashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(body);
        all.forEach(b::header);
        HttpResponse<byte[]> r = protocol.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(protocol.client.version(), r.version(), "spoken protocol");
        return r;
    }

    /** The four headers describe a real saving: compressed, before - after = saved > 0. */
    private static void assertSavingHeaders(HttpResponse<?> r) {
        assertEquals("true", header(r, "x-headroom-compressed"));
        int before = Integer.parseInt(header(r, "x-headroom-tokens-before"));
        int after = Integer.parseInt(header(r, "x-headroom-tokens-after"));
        int saved = Integer.parseInt(header(r, "x-headroom-tokens-saved"));
        assertTrue(saved > 0 && before - after == saved, before + " - " + after + " != " + saved);
    }

    private static void assertHeaders(HttpResponse<?> r, String compressed, String before, String after, String saved) {
        assertEquals(compressed, header(r, "x-headroom-compressed"));
        assertEquals(before, header(r, "x-headroom-tokens-before"));
        assertEquals(after, header(r, "x-headroom-tokens-after"));
        assertEquals(saved, header(r, "x-headroom-tokens-saved"));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
