package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.TenantScope;
import io.headroom.host.retrieve.RetrieveLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A non-streamed answer larger than max-body-bytes is not collected whole by {@link RetrieveRelay}: past the bound
 * the client gets the answer as it came (what was collected, then the rest as the upstream produces it), and the
 * {@code headroom_retrieve} call in it is not answered. A real Vert.x gateway (HeadroomHandler, then a route that
 * forwards with the Vert.x client through RetrieveRelay) in front of a real Vert.x upstream that pauses mid-answer.
 */
class RetrieveRelayOversizedAnswerTest {
    private static final long TIMEOUT_SECONDS = 20;
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private static final byte[] REQUEST = LlmRequests.openAiChat();
    /** Above the request, far below the answer. */
    private static final long MAX_BODY_BYTES = REQUEST.length + 8 * 1024;
    /** What the upstream sends before it pauses: more than the bound. */
    private static final int BEFORE_PAUSE = (int) MAX_BODY_BYTES + 64 * 1024;
    private static final int ANSWER_BYTES = BEFORE_PAUSE * 3;
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientReadTheStart = new CountDownLatch(1);
    private volatile byte[] answered;
    private volatile Boolean restAfterClientRead;

    private Vertx vertx;
    private Headroom headroom;
    private int upstreamPort;
    private URI gateway;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(MAX_BODY_BYTES)).build());
        upstreamPort = listen(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body ->
                oversizedAnswer(body.toString(StandardCharsets.UTF_8), req.response()))));

        HttpClient client = vertx.createHttpClient();
        HeadroomHandler handler = HeadroomHandler.builder(headroom).answersRetrieveCalls(true).build();
        Router router = Router.router(vertx);
        router.route().handler(handler.bodyReader()).handler(handler);
        router.post().handler(rc -> forward(rc, client));
        gateway = URI.create("http://127.0.0.1:" + listen(vertx.createHttpServer().requestHandler(router)));
    }

    @AfterEach
    void stop() throws Exception {
        clientReadTheStart.countDown();
        vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        headroom.close();
    }

    @Test
    void anAnswerLargerThanTheBoundIsRelayedAsItCameWhileTheUpstreamStillProducesIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST)).build();

        HttpResponse<InputStream> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            body.writeBytes(in.readNBytes(1024)); // the start, while the upstream holds the rest
            clientReadTheStart.countDown();
            body.writeBytes(in.readAllBytes());
        }

        assertEquals(200, r.statusCode());
        assertTrue(received.get(0).contains("\"headroom_retrieve\""),
                "the request offered the tool, so the relay watched the answer");
        assertEquals(Boolean.TRUE, restAfterClientRead, "the client read the start of the answer before the "
                + "upstream produced its rest: nothing past the bound was held");
        assertArrayEquals(answered, body.toByteArray(), "relayed byte for byte");
        assertEquals(1, received.size(), "the call in the oversized answer was not answered");
        assertEquals(0, headroom.stats().retrieveRounds());
    }

    /** The application's route: forwards with its Vert.x client and relays the answer through RetrieveRelay. */
    private void forward(RoutingContext rc, HttpClient client) {
        Buffer sent = HeadroomHandler.body(rc);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(upstreamPort).setURI(rc.request().uri()).putHeader("content-type", "application/json");
        Optional<RetrieveLoop> loop = Endpoint.forPath(rc.request().path()).flatMap(endpoint ->
                RetrieveLoop.start(headroom, endpoint, sent.getBytes(), TenantScope.SHARED));
        HttpServerResponse response = rc.response();
        send(client, options, sent).onSuccess(first -> loop.ifPresentOrElse(
                l -> RetrieveRelay.create(vertx, l, next -> send(client, options, next)).relay(rc, first)
                        .onFailure(err -> response.setStatusCode(502).end()),
                () -> response.setStatusCode(500).end("the request did not offer the tool")))
                .onFailure(err -> response.setStatusCode(502).end());
    }

    private static Future<HttpClientResponse> send(HttpClient client, RequestOptions options, Buffer body) {
        return client.request(options).compose(req -> req.send(body));
    }

    /**
     * Plays the provider: a chat completion calling headroom_retrieve for the request's hash, padded; sends
     * {@link #BEFORE_PAUSE} bytes, then waits (off the event loop) until the client read the start, then the rest.
     */
    private void oversizedAnswer(String request, HttpServerResponse response) {
        received.add(request);
        Matcher m = HASH.matcher(request);
        byte[] answer = oversized(m.find() ? m.group(1) : "000000000000000000000000");
        answered = answer;
        response.setChunked(true).putHeader("content-type", "application/json");
        response.write(Buffer.buffer(Arrays.copyOfRange(answer, 0, BEFORE_PAUSE)));
        vertx.executeBlocking(() -> clientReadTheStart.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), false)
                .onComplete(read -> {
                    restAfterClientRead = read.succeeded() && read.result();
                    response.end(Buffer.buffer(Arrays.copyOfRange(answer, BEFORE_PAUSE, answer.length)));
                });
    }

    private static byte[] oversized(String hash) {
        String head = "{\"id\":\"chatcmpl-big\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_hr\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\""
                + hash + "\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],\"padding\":\"";
        String tail = "\"}";
        byte[] answer = new byte[ANSWER_BYTES];
        Arrays.fill(answer, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, answer, 0, h.length);
        System.arraycopy(t, 0, answer, answer.length - t.length, t.length);
        return answer;
    }

    private static int listen(HttpServer server) throws Exception {
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).actualPort();
    }
}
