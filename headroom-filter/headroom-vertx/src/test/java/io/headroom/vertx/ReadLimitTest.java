package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A body over the read limit gets the one JSON 413 of every host, whether its length was declared or it grew
 * past the limit while arriving (HTTP/1.1 chunked, h2 DATA frames), even when the application has a failure
 * handler of its own that answers in HTML: the one a Vert.x application typically installs for its pages.
 */
class ReadLimitTest {
    private static final long MAX_BODY_BYTES = 4096;
    private static final long READ_LIMIT = 8192;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vertx vertx;
    private Headroom headroom;
    private URI base;
    private final AtomicInteger applicationFailures = new AtomicInteger();

    enum Protocol {
        HTTP_1_1(HttpClient.Version.HTTP_1_1), H2C(HttpClient.Version.HTTP_2);

        final HttpClient.Version version;

        Protocol(HttpClient.Version version) {
            this.version = version;
        }
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        headroom = Headroom.create(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(MAX_BODY_BYTES)).build());
        HeadroomHandler handler = HeadroomHandler.builder(headroom).readLimit(READ_LIMIT).build();
        Router router = Router.router(vertx);
        router.route().handler(handler.bodyReader()).handler(handler);
        router.get().handler(rc -> rc.response().end("ok"));
        router.post().handler(rc -> rc.response().end(HeadroomHandler.body(rc)));
        // the application's own error page: Headroom's 413 must not end up here
        router.route().failureHandler(rc -> {
            applicationFailures.incrementAndGet();
            rc.response().setStatusCode(rc.statusCode()).putHeader("Content-Type", "text/html")
                    .end("<h1>" + rc.statusCode() + "</h1>");
        });
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        headroom.close();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aBodyOfUnknownLengthPastTheReadLimitIsAJson413(Protocol protocol) throws Exception {
        byte[] body = overLimit();
        assertJson413(send(protocol, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aDeclaredLengthOverTheReadLimitIsAJson413(Protocol protocol) throws Exception {
        assertJson413(send(protocol, HttpRequest.BodyPublishers.ofByteArray(overLimit())));
    }

    /** Between max-body-bytes and the read limit a body is read and goes on as received: no 413 there. */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aBodyWithinTheReadLimitGoesOnAsReceived(Protocol protocol) throws Exception {
        byte[] body = chat((int) READ_LIMIT - 100);
        HttpResponse<byte[]> r = send(protocol, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertEquals(200, r.statusCode());
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
    }

    private void assertJson413(HttpResponse<byte[]> r) throws Exception {
        assertEquals(413, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
        JsonNode error = MAPPER.readTree(r.body()).path("error");
        assertEquals("payload_too_large", error.path("type").asText(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(error.path("message").asText().contains("size limit"), error.toString());
        assertEquals(0, applicationFailures.get(), "the application's failure handler answered instead");
        assertEquals(0, headroom.stats().requestsTotal());
    }

    private HttpResponse<byte[]> send(Protocol protocol, HttpRequest.BodyPublisher body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(protocol.version).build();
        if (protocol == Protocol.H2C) {
            // the h2c upgrade happens on a body-less request; afterwards the connection speaks HTTP/2
            client.send(HttpRequest.newBuilder(base.resolve("/ping")).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(protocol.version, r.version(), "spoken protocol");
        return r;
    }

    private static byte[] overLimit() {
        return chat((int) READ_LIMIT * 3);
    }

    /** A chat request of exactly {@code size} bytes. */
    private static byte[] chat(int size) {
        String head = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
