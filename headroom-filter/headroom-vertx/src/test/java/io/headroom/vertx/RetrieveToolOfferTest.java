package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.BodyRewrite;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler answers no {@code headroom_retrieve} call, so by default the route it hands a compressed request to
 * never sees the tool (a call would reach the client); an application that answers the calls opts in and keeps it.
 * Real Vert.x server, a route echoing the body it was handed.
 */
class RetrieveToolOfferTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Vertx vertx;
    private Headroom headroom;
    private URI base;

    private void start(boolean answersRetrieveCalls) throws Exception {
        start(HeadroomHandler.builder(Headroom.create(HeadroomConfig.defaults()))
                .answersRetrieveCalls(answersRetrieveCalls));
    }

    private void start(HeadroomHandler.Builder builder) throws Exception {
        vertx = Vertx.vertx();
        HeadroomHandler handler = builder.build();
        headroom = handler.headroom();
        Router router = Router.router(vertx);
        router.route().handler(handler.bodyReader()).handler(handler);
        router.post("/offered/*").handler(rc -> {
            BodyRewrite offered = HeadroomHandler.offeredRewrite(rc);
            rc.response().end(offered == null ? "none" : new String(offered.body(), StandardCharsets.UTF_8));
        });
        router.post().handler(rc -> rc.response().end(HeadroomHandler.body(rc)));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
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

    @Test
    void compressedRequestGoesOnWithoutTheToolByDefault() throws Exception {
        start(false);

        HttpResponse<String> r = post("/v1/chat/completions", LlmRequests.openAiChat());

        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
        assertTrue(headroom.stats().ccrStored() > 0, "something went to CCR, so the tool would have been injected");
        assertFalse(r.body().contains("headroom_retrieve"), "nobody answers a call here: " + r.body());
        assertFalse(LlmRequests.parse(r.body().getBytes(StandardCharsets.UTF_8)).has("tools"),
                "the client sent no tools, so none are added");
    }

    @Test
    void anthropicRequestGoesOnWithoutTheToolByDefault() throws Exception {
        start(false);

        HttpResponse<String> r = post("/v1/messages", LlmRequests.anthropicMessages());

        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
    }

    @Test
    void applicationThatAnswersCallsGetsTheTool() throws Exception {
        start(true);

        HttpResponse<String> r = post("/v1/chat/completions", LlmRequests.openAiChat());

        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
        assertEquals("headroom_retrieve", LlmRequests.parse(r.body().getBytes(StandardCharsets.UTF_8))
                .at("/tools/0/function/name").asText(), r.body());
    }

    /** A host that answers calls further on for some requests keeps the body with the tool beside the one handed on. */
    @Test
    void offeredRewriteIsKeptBesideTheBodyHandedOn() throws Exception {
        start(HeadroomHandler.builder(Headroom.create(HeadroomConfig.defaults())).keepsOfferedRewrite(true));

        HttpResponse<String> handedOn = post("/v1/chat/completions", LlmRequests.openAiChat());
        HttpResponse<String> offered = post("/offered/v1/chat/completions", LlmRequests.openAiChat());

        assertFalse(handedOn.body().contains("headroom_retrieve"), handedOn.body());
        assertEquals("headroom_retrieve", LlmRequests.parse(offered.body().getBytes(StandardCharsets.UTF_8))
                .at("/tools/0/function/name").asText(), offered.body());
    }

    /** Without the option nothing is kept: the tool a route would never see is not held for the request. */
    @Test
    void noOfferedRewriteByDefault() throws Exception {
        start(false);

        assertEquals("none", post("/offered/v1/chat/completions", LlmRequests.openAiChat()).body());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
