package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HeadroomHandler#bindTo}: requests through a real Vert.x server show up in the registry. */
class HandlerMetersTest {
    private Vertx vertx;
    private Headroom headroom;

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        headroom.close();
    }

    @Test
    void compressedAndBypassedRequestsAreCounted() throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(HeadroomConfig.builder().build());
        HeadroomHandler handler = HeadroomHandler.create(headroom);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HandlerMeters.of(handler).bindTo(registry);
        Router router = Router.router(vertx);
        router.route().handler(handler.bodyReader()).handler(handler);
        router.post().handler(rc -> rc.response().end("ok"));
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/chat/completions");
        HttpResponse<String> compressed = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("x-headroom-bypass", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("true", compressed.headers().firstValue("x-headroom-compressed").orElse(null));
        assertEquals(1, registry.get("headroom.requests").tag("mode", "optimize").counter().count());
        assertEquals(1, registry.get("headroom.requests.compressed").counter().count());
        assertTrue(registry.get("headroom.tokens.saved").counter().count() > 0);
        assertEquals(1, registry.get("headroom.requests.passed").tag("reason", "bypass").functionCounter().count());
        assertTrue(registry.get("headroom.ccr.stored").functionCounter().count() > 0);
    }
}
