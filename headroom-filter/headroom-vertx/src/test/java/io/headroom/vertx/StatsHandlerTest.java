package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.StatsDocument;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: {@link StatsHandler} gives the numbers of the gateway's /stats, to loopback callers only. */
class StatsHandlerTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Vertx vertx;
    private Headroom headroom;
    private HeadroomHandler handler;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(HeadroomConfig.builder().build());
        handler = HeadroomHandler.create(headroom);
        Router router = Router.router(vertx);
        router.get("/headroom/stats").handler(StatsHandler.of(handler));
        router.route().handler(handler.bodyReader()).handler(handler);
        router.post().handler(rc -> rc.response().end("ok"));
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        headroom.close();
    }

    @Test
    void loopbackCallersGetTheNumbersOfTheEngineAndTheHandler() throws Exception {
        URI chat = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .header("x-headroom-bypass", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/headroom/stats")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(null));
        assertEquals("no-store", r.headers().firstValue("cache-control").orElse(null));
        JsonNode stats = new ObjectMapper().readTree(r.body());
        assertEquals(StatsDocument.of(headroom.stats(), handler.admission().passedThrough()).toString(), stats.toString());
        assertEquals(1, stats.path("requests").path("compressed").asLong());
        assertEquals(1, stats.path("requests").path("passed_through").path("bypass").asLong());
        assertTrue(stats.path("tokens").path("saved").asLong() > 0);
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        String answer = rawGet("/headroom/stats", "evil.example");
        assertTrue(answer.startsWith("HTTP/1.1 403"), "a DNS-rebinding Host: " + answer);
        assertTrue(!answer.contains("\"tokens\""), answer);
        assertTrue(rawGet("/headroom/stats", "localhost:" + port).startsWith("HTTP/1.1 200"), "loopback by name");
    }

    private String rawGet(String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
