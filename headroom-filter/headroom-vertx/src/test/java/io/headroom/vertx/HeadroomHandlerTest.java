package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler in a real Vert.x HttpServer + Router on a random port, in front of routes that echo the body. */
class HeadroomHandlerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Vertx vertx;
    private Headroom headroom;
    private HttpServer server;
    private URI base;
    /** Name of the event-loop thread; the pipeline must not run on it. */
    private volatile String pipelineThread;

    @BeforeEach
    void start() throws Exception {
        startWith(HeadroomConfig.defaults());
    }

    private void startWith(HeadroomConfig config) throws Exception {
        stop();
        vertx = Vertx.vertx();
        headroom = Headroom.create(config, (endpoint, mode, outcome, nanos) -> pipelineThread = Thread.currentThread().getName());
        Router router = Router.router(vertx);
        router.route("/pre/*").handler(BodyHandler.create());          // a BodyHandler before Headroom
        router.route().handler(HeadroomHandler.create(headroom));
        router.route("/bh/*").handler(BodyHandler.create());           // a BodyHandler after Headroom
        router.post().handler(HeadroomHandlerTest::echo);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
    }

    /** Echoes the body the route received (from rc.body(), else from the request stream) and its Content-Length. */
    private static void echo(RoutingContext rc) {
        Buffer body = rc.body().buffer();
        String length = rc.request().getHeader("Content-Length");
        String thread = Thread.currentThread().getName();
        if (body != null) {
            rc.response().putHeader("echo-length", String.valueOf(length)).putHeader("echo-thread", thread).end(body);
        } else {
            rc.request().body().onSuccess(b -> rc.response().putHeader("echo-length", String.valueOf(length))
                    .putHeader("echo-thread", thread).end(b));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx = null;
        }
        if (headroom != null) {
            headroom.close();
            headroom = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/bh/v1/chat/completions", "/pre/v1/chat/completions"})
    void routeReceivesTheCompressedBody(String path) throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(path, HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        byte[] seen = r.body();
        assertTrue(seen.length < original.length / 2, "route saw " + seen.length + " of " + original.length);
        assertEquals(String.valueOf(seen.length), header(r, "echo-length"));
        assertEquals("true", header(r, "x-headroom-compressed"));
        assertTrue(Integer.parseInt(header(r, "x-headroom-tokens-saved")) > 0);
        JsonNode request = LlmRequests.parse(seen);
        assertEquals(LlmRequests.SYSTEM_PROMPT, request.at("/messages/0/content").asText());
        assertEquals(LlmRequests.USER_QUESTION, request.at("/messages/1/content").asText());
        assertTrue(LlmRequests.lastContent(request).contains(LlmRequests.ERROR_NEEDLE));
        assertTrue(header(r, "echo-thread").contains("eventloop"), "the route runs on the event loop again");
        assertNotEquals(header(r, "echo-thread"), pipelineThread);
        assertTrue(pipelineThread.contains("worker"), "pipeline ran on " + pipelineThread);
    }

    @Test
    void chunkedAnthropicRequestIsCompressed() throws Exception {
        byte[] original = LlmRequests.anthropicMessages();

        HttpResponse<byte[]> r = post("/v1/messages",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertTrue(r.body().length < original.length);
        assertEquals(String.valueOf(r.body().length), header(r, "echo-length"));
        assertEquals(LlmRequests.SYSTEM_PROMPT, LlmRequests.parse(r.body()).get("system").asText());
    }

    @Test
    void bypassAndAuditForwardTheOriginal() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> bypassed = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-bypass", "true"));
        HttpResponse<byte[]> audited = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-mode", "audit"));

        assertArrayEquals(original, bypassed.body());
        assertEquals("false", header(bypassed, "x-headroom-compressed"));
        assertArrayEquals(original, audited.body());
        assertEquals("false", header(audited, "x-headroom-compressed"));
        assertEquals("0", header(audited, "x-headroom-tokens-saved"));
        assertEquals(1, headroom.stats().requestsTotal(), "only the audited request went through the pipeline");
    }

    @Test
    void otherPathsAreNotTouched() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/embeddings", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertArrayEquals(original, r.body());
        assertTrue(r.headers().firstValue("x-headroom-compressed").isEmpty());
    }

    @Test
    void unreadableBodyIsForwardedUnchanged() throws Exception {
        byte[] original = "{\"messages\": [ not json".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
    }

    @Test
    void chunkedBodyOverTheLimitReachesTheRouteWhole() throws Exception {
        startWith(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build());
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
        assertEquals(0, headroom.stats().requestsTotal());
    }

    private HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(body).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }
}
