package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The route filter with default configuration, against Quarkus REST resources and plain Vert.x routes. */
class HeadroomRouteFilterTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class,
                    CountingListener.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Headroom headroom;

    @Inject
    CountingListener listener;

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/nonblocking/v1/chat/completions",
            "/vertx/v1/chat/completions", "/vertx-bh/v1/chat/completions"})
    void compressesToolOutputBeforeTheHandlerReadsIt(String path) {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = post(path, original, Map.of());

        assertEquals(200, r.statusCode());
        byte[] seen = r.asByteArray();
        assertTrue(seen.length < original.length, "handler saw " + seen.length + " bytes of " + original.length);
        assertEquals(String.valueOf(seen.length), r.header(EchoResource.ECHO_LENGTH), "Content-Length seen downstream");
        assertEquals("true", r.header("x-headroom-compressed"));
        assertTrue(Integer.parseInt(r.header("x-headroom-tokens-saved")) > 0);

        JsonNode request = Fixtures.parse(seen);
        assertEquals("gpt-4o", request.get("model").asText());
        assertEquals(0.2, request.get("temperature").asDouble());
        assertEquals(Fixtures.SYSTEM_PROMPT, request.get("messages").get(0).get("content").asText());
        assertEquals(Fixtures.USER_QUESTION, request.get("messages").get(1).get("content").asText());
        String tool = Fixtures.openAiToolContent(request);
        assertTrue(tool.contains(Fixtures.ERROR_NEEDLE), "the ERROR item survives");
        assertTrue(tool.length() < Fixtures.logs().toString().length());
    }

    @Test
    void compressesAnthropicToolResults() {
        byte[] original = Fixtures.anthropicMessagesRequest();

        Response r = post("/v1/messages", original, Map.of());

        byte[] seen = r.asByteArray();
        assertTrue(seen.length < original.length);
        assertEquals("true", r.header("x-headroom-compressed"));
        JsonNode request = Fixtures.parse(seen);
        assertEquals(Fixtures.SYSTEM_PROMPT, request.get("system").asText());
        assertTrue(request.toString().contains(Fixtures.ERROR_NEEDLE));
    }

    @Test
    void chunkedBodyIsBufferedAndGetsAContentLength() throws Exception {
        byte[] original = Fixtures.openAiChatRequest();
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                // An InputStream publisher has no known length, so the client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)))
                .build();

        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(req, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, r.statusCode());
        assertTrue(r.body().length < original.length);
        assertEquals(String.valueOf(r.body().length), r.headers().firstValue(EchoResource.ECHO_LENGTH).orElseThrow());
        assertTrue(Fixtures.openAiToolContent(Fixtures.parse(r.body())).contains(Fixtures.ERROR_NEEDLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/nonblocking/v1/chat/completions"})
    void http2RequestsAreForwardedUntouched(String path) throws Exception {
        byte[] original = Fixtures.openAiChatRequest();
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(original))
                .build();
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // The first request on a connection may still be HTTP/1.1 (the h2c upgrade request); warm up.
        h2c.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<byte[]> r = h2c.send(req, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.body());
        assertEquals("false", r.headers().firstValue("x-headroom-compressed").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/vertx-bh/v1/chat/completions"})
    void bypassHeaderForwardsIdenticalBytes(String path) {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = post(path, original, Map.of("x-headroom-bypass", "true"));

        assertArrayEquals(original, r.asByteArray());
        assertEquals(String.valueOf(original.length), r.header(EchoResource.ECHO_LENGTH));
        assertEquals("false", r.header("x-headroom-compressed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/nonblocking/v1/chat/completions", "/vertx/v1/chat/completions"})
    void auditModeForwardsIdenticalBytes(String path) {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = post(path, original, Map.of("x-headroom-mode", "audit"));

        assertArrayEquals(original, r.asByteArray());
        assertEquals("false", r.header("x-headroom-compressed"));
        assertTrue(Integer.parseInt(r.header("x-headroom-tokens-saved")) > 0, "audit reports what it would save");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/vertx/v1/chat/completions"})
    void malformedJsonForwardsIdenticalBytes(String path) {
        byte[] original = Fixtures.malformed();

        Response r = post(path, original, Map.of());

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.asByteArray());
        assertEquals(String.valueOf(original.length), r.header(EchoResource.ECHO_LENGTH));
        assertEquals("false", r.header("x-headroom-compressed"));
    }

    @Test
    void otherPathsAreNotIntercepted() {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = post("/other", original, Map.of());

        assertArrayEquals(original, r.asByteArray());
        assertNull(r.header("x-headroom-compressed"));
    }

    @Test
    void getRequestsAreNotIntercepted() {
        Response r = given().get("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertEquals("get-ok", r.asString());
        assertNull(r.header("x-headroom-compressed"));
    }

    @Test
    void headroomBeanIsInjectableAndSeesTheApplicationListener() {
        assertEquals(Mode.OPTIMIZE, headroom.config().mode());
        int before = listener.compressed.get();

        post("/v1/chat/completions", Fixtures.openAiChatRequest(), Map.of());

        assertTrue(listener.compressed.get() > before, "the application's CompressionListener was notified");
    }

    private static Response post(String path, byte[] body, Map<String, String> headers) {
        return given().contentType("application/json").headers(headers).body(body).post(path);
    }
}
