package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertSavingHeaders(name -> java.util.Optional.ofNullable(r.header(name)));

        JsonNode request = Fixtures.parse(seen);
        assertEquals("gpt-4o", request.get("model").asText());
        assertEquals(0.2, request.get("temperature").asDouble());
        assertEquals(Fixtures.SYSTEM_PROMPT, request.get("messages").get(0).get("content").asText());
        assertEquals(Fixtures.USER_QUESTION, request.get("messages").get(1).get("content").asText());
        String tool = Fixtures.openAiToolContent(request);
        assertTrue(tool.contains(Fixtures.ERROR_NEEDLE), "the ERROR item survives");
        assertTrue(tool.length() < Fixtures.logs().toString().length());
        assertRetrieveToolOfferedOnlyToWorkerResources(path, request);
    }

    /** Only the extension's own follow-ups skip Headroom: a client sending the marker header is handled as any other. */
    @Test
    void forgedRetrieveRoundHeaderChangesNothing() {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = post("/v1/chat/completions", original, Map.of("x-headroom-retrieve-round", "1;forged"));

        assertEquals(200, r.statusCode());
        assertEquals("true", r.header("x-headroom-compressed"));
        assertTrue(r.asByteArray().length < original.length);
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

    /** h2c (the JDK client upgrades after a body-less request) to Quarkus REST and to exact-path Vert.x routes. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/nonblocking/v1/chat/completions",
            "/vertx/v1/chat/completions", "/vertx-bh/v1/chat/completions"})
    void http2RequestsAreCompressedLikeHttp11(String path) throws Exception {
        byte[] original = Fixtures.openAiChatRequest();

        HttpResponse<byte[]> r = h2c(path, HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        byte[] seen = r.body();
        assertTrue(seen.length < original.length, "handler saw " + seen.length + " bytes of " + original.length);
        assertEquals(String.valueOf(seen.length), r.headers().firstValue(EchoResource.ECHO_LENGTH).orElseThrow());
        assertSavingHeaders(r.headers()::firstValue);
        assertTrue(Fixtures.openAiToolContent(Fixtures.parse(seen)).contains(Fixtures.ERROR_NEEDLE));
        assertRetrieveToolOfferedOnlyToWorkerResources(path, Fixtures.parse(seen));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "/vertx/v1/chat/completions"})
    void http2BodyOfUnknownLengthIsCompressed(String path) throws Exception {
        byte[] original = path.endsWith("messages") ? Fixtures.anthropicMessagesRequest() : Fixtures.openAiChatRequest();

        HttpResponse<byte[]> r = h2c(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)),
                Map.of());

        assertEquals(200, r.statusCode());
        assertTrue(r.body().length < original.length);
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(Fixtures.ERROR_NEEDLE));
        assertSavingHeaders(r.headers()::firstValue);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/vertx-bh/v1/chat/completions"})
    void http2AuditAndBypassForwardIdenticalBytes(String path) throws Exception {
        byte[] original = Fixtures.openAiChatRequest();

        HttpResponse<byte[]> audited = h2c(path, HttpRequest.BodyPublishers.ofByteArray(original), Map.of("x-headroom-mode", "audit"));
        HttpResponse<byte[]> bypassed = h2c(path, HttpRequest.BodyPublishers.ofByteArray(original), Map.of("x-headroom-bypass", "true"));

        assertArrayEquals(original, audited.body());
        assertAuditHeaders(audited.headers()::firstValue);
        assertArrayEquals(original, bypassed.body());
        assertEquals("false", bypassed.headers().firstValue("x-headroom-compressed").orElseThrow());
    }

    /**
     * The one combination left uncompressed, said at start-up: in an application with Quarkus REST, an HTTP/2
     * request to a wildcard Vert.x route is left to Quarkus REST, which never sees it.
     */
    @Test
    void http2ToAWildcardRouteNextToQuarkusRestGoesOnAsSent() throws Exception {
        byte[] original = Fixtures.openAiChatRequest();

        HttpResponse<byte[]> r = h2c("/wild/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.body());
        assertEquals("false", r.headers().firstValue("x-headroom-compressed").orElseThrow());
        assertEquals("0", r.headers().firstValue("x-headroom-tokens-saved").orElseThrow());
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
        assertAuditHeaders(name -> java.util.Optional.ofNullable(r.header(name)));
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

    private HttpResponse<byte[]> h2c(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // the h2c upgrade happens on a body-less request; afterwards the connection speaks HTTP/2
        h2c.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json").POST(body);
        headers.forEach(b::header);
        HttpResponse<byte[]> r = h2c.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        return r;
    }

    /**
     * Originals went to CCR (the compressed tool output names its hash). A Quarkus REST resource on a worker thread
     * ({@code /v1/chat/completions}) gets the headroom_retrieve tool: the extension answers the model's calls there.
     * A resource on the event loop and a Vert.x route get no tool: nothing answers the calls there, and nobody said
     * the application does.
     */
    private static void assertRetrieveToolOfferedOnlyToWorkerResources(String path, JsonNode request) {
        assertTrue(Fixtures.openAiToolContent(request).contains("hash="), "something went to CCR");
        if (path.equals("/v1/chat/completions")) {
            assertEquals("headroom_retrieve", request.at("/tools/0/function/name").asText(), request.toString());
            assertEquals(1, request.get("tools").size(), request.toString());
            return;
        }
        assertFalse(request.toString().contains("headroom_retrieve"), request.toString());
        assertNull(request.get("tools"), "the client sent no tools: none are added");
    }

    /** The four headers describe a real saving: compressed, before - after = saved > 0. */
    static void assertSavingHeaders(java.util.function.Function<String, java.util.Optional<String>> headers) {
        assertEquals("true", headers.apply("x-headroom-compressed").orElseThrow());
        int before = Integer.parseInt(headers.apply("x-headroom-tokens-before").orElseThrow());
        int after = Integer.parseInt(headers.apply("x-headroom-tokens-after").orElseThrow());
        int saved = Integer.parseInt(headers.apply("x-headroom-tokens-saved").orElseThrow());
        assertTrue(saved > 0 && before - after == saved, before + " - " + after + " != " + saved);
    }

    /** Audit measured the request but forwarded it as sent: no header claims a saving. */
    static void assertAuditHeaders(java.util.function.Function<String, java.util.Optional<String>> headers) {
        assertEquals("false", headers.apply("x-headroom-compressed").orElseThrow());
        String before = headers.apply("x-headroom-tokens-before").orElseThrow();
        assertTrue(Integer.parseInt(before) > 0, "audit measured the request");
        assertEquals(before, headers.apply("x-headroom-tokens-after").orElseThrow());
        assertEquals("0", headers.apply("x-headroom-tokens-saved").orElseThrow());
    }

    private static Response post(String path, byte[] body, Map<String, String> headers) {
        return given().contentType("application/json").headers(headers).body(body).post(path);
    }
}
