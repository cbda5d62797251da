package io.headroom.tck.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.host.retrieve.RetrieveSource;
import io.headroom.vertx.RetrieveRelay;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RetrieveRelay} in a real Vert.x application that forwards with its own HttpClient to a real upstream
 * on loopback (a stand-in model): client (JDK HttpClient) -> app -> upstream, over HTTP/1.1. Here, not in
 * headroom-vertx, so it runs on Vert.x 4.5 and (tck-tests/vertx5) on Vert.x 5 against the same jar.
 */
class RetrieveRelayTest {
    private static final String HASH = "abcdef0123456789abcdef01";
    private static final String ORIGINAL = "[{\"id\":\"order-1\"},{\"id\":\"order-57\",\"note\":\"needle \\u00e9\"}]";
    private static final RetrieveSource STORE = (hash, query) -> {
        if (!HASH.equals(hash)) {
            throw new HeadroomException(ErrorType.NOT_FOUND, "unknown");
        }
        return new RetrieveResult(HASH, ORIGINAL, 20, 2, 1, "t", 1, null, List.of());
    };
    private static final String REQUEST = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"q\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\"}}]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Headroom headroom;
    private int appPort;
    /** What the upstream answers a follow-up with: "text", "429" or "hang". */
    private volatile String followUp = "text";

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(HeadroomConfig.builder().retrieve(r -> r.roundTimeoutMs(500)).build());
        HttpServer upstream = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            JsonNode body = parse(b);
            received.add(body);
            boolean isFollowUp = body.path("messages").size() > 1;
            if (!isFollowUp) {
                req.response().putHeader("content-type", "text/event-stream").setChunked(true);
                req.response().write(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                        + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\","
                        + "\"arguments\":\"{\\\"hash\\\":\\\"" + HASH + "\\\"}\"}}]}", null));
                req.response().end(chunk("{}", "tool_calls") + "data: [DONE]\n\n");
            } else if (followUp.equals("429")) {
                req.response().setStatusCode(429).putHeader("retry-after", "7")
                        .putHeader("content-type", "application/json")
                        .end("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
            } else if (followUp.equals("hang")) {
                req.response().putHeader("content-type", "text/event-stream").setChunked(true);
                req.response().write(chunk("{\"role\":\"assistant\",\"content\":\"Partial\"}", null));
            } else {
                String result = body.at("/messages/2/content").asText();
                String text = result.equals(ORIGINAL) ? "found order-57" : "not the original";
                req.response().putHeader("content-type", "text/event-stream").setChunked(true);
                req.response().write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
                req.response().end(chunk("{\"content\":\"" + text + "\"}", null) + chunk("{}", "stop")
                        + "data: [DONE]\n\n");
            }
        }));
        int upstreamPort = upstream.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();

        HttpClient client = vertx.createHttpClient();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(upstreamPort).setURI("/v1/chat/completions");
        Router router = Router.router(vertx);
        router.post("/v1/chat/completions").handler(BodyHandler.create()).handler(rc -> forward(rc, client, options));
        appPort = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    /** What an application does: forward, and let the relay answer the model's retrieve calls. */
    private void forward(RoutingContext rc, HttpClient client, RequestOptions options) {
        Buffer body = rc.body().buffer();
        RetrieveLoop loop = RetrieveLoop.start(headroom, Endpoint.OPENAI_CHAT, body.getBytes(), STORE).orElseThrow();
        rc.response().putHeader("x-headroom-compressed", "true");
        client.request(options).compose(req -> req.send(body)).onSuccess(first ->
                RetrieveRelay.create(vertx, loop, next -> client.request(options).compose(req -> req.send(next)))
                        .relay(rc, first)
                        .onFailure(err -> {
                            if (!rc.response().ended() && !rc.response().closed()) {
                                rc.response().setStatusCode(502).end();
                            }
                        }));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        headroom.close();
    }

    private JsonNode parse(Buffer b) {
        try {
            return mapper.readTree(b.getBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private HttpResponse<String> post() throws Exception {
        // bounded as a whole: a stream the relay never ends must fail the test, not hang it
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(20)).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(), HttpResponse.BodyHandlers.ofString())
                .get(30, TimeUnit.SECONDS);
    }

    private List<JsonNode> chunks(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(mapper.readTree(line.substring(6)));
            }
        }
        return out;
    }

    @Test
    void theClientGetsOneStreamWithOneRoleAndTheUpstreamTheOriginal() throws Exception {
        HttpResponse<String> r = post();

        assertEquals(200, r.statusCode());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(""), "the host's headers stay");
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
        List<JsonNode> chunks = chunks(r.body());
        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText(), r.body());
        assertEquals(1, chunks.stream().filter(c -> c.at("/choices/0/delta").has("role")).count(), r.body());
        assertEquals("found order-57", chunks.get(1).at("/choices/0/delta/content").asText(), r.body());
        assertTrue(r.body().endsWith("data: [DONE]\n\n"));
        assertEquals(2, received.size());
    }

    @Test
    void aFollowUpRefusedBeforeAnyByteReachesTheClientAsItCame() throws Exception {
        followUp = "429";
        HttpResponse<String> r = post();

        assertEquals(429, r.statusCode(), r.body());
        assertEquals("7", r.headers().firstValue("retry-after").orElse(""));
        assertEquals("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}", r.body());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(""));
    }

    @Test
    void aFollowUpOverTheRoundTimeoutEndsTheStreamWithAnErrorChunk() throws Exception {
        followUp = "hang";
        HttpResponse<String> r = post();

        assertEquals(200, r.statusCode());
        List<JsonNode> chunks = chunks(r.body());
        assertEquals("Partial", chunks.get(0).at("/choices/0/delta/content").asText(), r.body());
        assertTrue(chunks.get(chunks.size() - 1).at("/error/message").asText().contains("timed out"), r.body());
        assertFalse(r.body().contains("[DONE]"), "never a clean end: " + r.body());
    }
}
