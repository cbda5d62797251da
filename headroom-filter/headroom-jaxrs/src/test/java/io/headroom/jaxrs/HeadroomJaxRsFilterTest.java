package io.headroom.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.BodyReadConfig;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.CapturedLog;
import io.headroom.FailingHeadroom;
import io.headroom.LlmRequests;
import io.headroom.host.Admission;
import io.headroom.host.HeadroomHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.zip.GZIPOutputStream;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filters in Jersey on Grizzly, over real HTTP, in front of a resource that echoes what it got. Neither
 * Jersey nor Grizzly binds an SLF4J provider, so Headroom's log lines go to java.util.logging here.
 */
class HeadroomJaxRsFilterTest {
    /** HTTP/1.1: the JDK client's default h2c upgrade attempt on a POST stalls Grizzly's body reading. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Echoes the body it received and the Content-Length it saw. */
    @Path("/")
    public static class EchoResource {
        @POST
        @Path("{path: .*}")
        public Response echo(@PathParam("path") String path, @Context HttpHeaders headers, byte[] body) {
            return Response.ok(body, "application/octet-stream")
                    .header("echo-length", headers.getHeaderString(HttpHeaders.CONTENT_LENGTH))
                    .header("echo-encoding", headers.getHeaderString(HttpHeaders.CONTENT_ENCODING))
                    .build();
        }

        @GET
        @Path("{path: .*}")
        public String get(@PathParam("path") String path) {
            return "get " + path;
        }
    }

    private Headroom headroom;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() {
        startWith(HeadroomConfig.defaults());
    }

    private void startWith(HeadroomConfig config) {
        startWith(Headroom.create(config));
    }

    private void startWith(Headroom started) {
        stop();
        headroom = started;
        ResourceConfig app = new ResourceConfig(EchoResource.class).register(new HeadroomFeature(headroom));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
    }

    /** Restarts the server with the two filters registered one by one, the request filter's body budget given. */
    private HeadroomContainerRequestFilter startWithBodyBudget(long maxBufferedBodyBytes) {
        stop();
        headroom = Headroom.create(HeadroomConfig.defaults());
        HeadroomContainerRequestFilter filter = new HeadroomContainerRequestFilter(headroom,
                BodyReadConfig.builder().maxBufferedBodyBytes(maxBufferedBodyBytes).build());
        ResourceConfig app = new ResourceConfig(EchoResource.class).register(filter)
                .register(new HeadroomContainerResponseFilter());
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
        return filter;
    }

    /** Issue 14 item 4: the feature's meters, registered with {@link JaxRsMeters}, count what its filter did. */
    @Test
    void theFeaturesMetersCountItsRequests() throws Exception {
        stop();
        headroom = Headroom.create(HeadroomConfig.defaults());
        HeadroomFeature feature = new HeadroomFeature(headroom);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        JaxRsMeters.of(feature).bindTo(registry);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                new ResourceConfig(EchoResource.class).register(feature), true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());

        post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()), Map.of());
        post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()),
                Map.of("x-headroom-bypass", "true"));

        assertEquals(1, registry.get("headroom.requests.compressed").counter().count());
        assertTrue(registry.get("headroom.tokens.saved").counter().count() > 0);
        assertEquals(1, registry.get("headroom.requests.passed").tag("reason", "bypass").functionCounter().count());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        if (headroom != null) {
            headroom.close();
            headroom = null;
        }
    }

    @Test
    void resourceReceivesTheCompressedChatRequest() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        byte[] seen = r.body();
        assertTrue(seen.length < original.length / 2, "resource saw " + seen.length + " of " + original.length);
        assertEquals(String.valueOf(seen.length), header(r, "echo-length"), "Content-Length matches the new body");
        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertTrue(Integer.parseInt(header(r, HeadroomHeaders.TOKENS_SAVED)) > 0);
        JsonNode request = LlmRequests.parse(seen);
        assertEquals(LlmRequests.SYSTEM_PROMPT, request.at("/messages/0/content").asText());
        assertEquals(LlmRequests.USER_QUESTION, request.at("/messages/1/content").asText());
        assertTrue(LlmRequests.lastContent(request).contains(LlmRequests.ERROR_NEEDLE));
    }

    /**
     * Issue 14 item 1: the filter answers the model's headroom_retrieve calls (RetrieveLoopJaxRsTest), so the
     * resource gets the tool Headroom injects when originals went to CCR.
     */
    @Test
    void compressedRequestReachesTheResourceWithTheRetrieveTool() throws Exception {
        HttpResponse<byte[]> r = post("/v1/chat/completions",
                HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()), Map.of());

        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertTrue(headroom.stats().ccrStored() > 0, "originals went to CCR");
        assertTrue(LlmRequests.parse(r.body()).get("tools").toString().contains("\"headroom_retrieve\""));
    }

    /** With retrieve.max-rounds=0 nobody answers the calls: the tool is not offered. */
    @Test
    void withTheLoopOffTheResourceGetsNoRetrieveTool() throws Exception {
        startWith(HeadroomConfig.fromMap(Map.of("retrieve.max-rounds", "0")));
        HttpResponse<byte[]> r = post("/v1/chat/completions",
                HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()), Map.of());

        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertTrue(headroom.stats().ccrStored() > 0, "originals went to CCR: the core injected the tool");
        String seen = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(seen.contains("headroom_retrieve"), seen);
        assertFalse(LlmRequests.parse(r.body()).has("tools"), "the client sent no tools: none are added");
    }

    @Test
    void gzipRequestReachesTheResourceDecodedWithoutTheRetrieveToolWhenTheLoopIsOff() throws Exception {
        startWith(HeadroomConfig.fromMap(Map.of("retrieve.max-rounds", "0")));
        HttpResponse<byte[]> r = post("/v1/messages",
                HttpRequest.BodyPublishers.ofByteArray(gzip(LlmRequests.anthropicMessages())),
                Map.of("Content-Encoding", "gzip"));

        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertEquals(LlmRequests.SYSTEM_PROMPT, LlmRequests.parse(r.body()).get("system").asText());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("headroom_retrieve"));
    }

    /**
     * Issue 13 item 1: bodies held at once are bounded across requests (max-buffered-body-bytes); one that does not
     * fit reaches the resource unread and uncompressed, and a held body's share is free again after its response.
     */
    @Test
    void aBodyThatDoesNotFitInTheBudgetReachesTheResourceAsSent() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        HeadroomContainerRequestFilter filter = startWithBodyBudget(original.length - 1);

        HttpResponse<byte[]> busy = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
        assertArrayEquals(original, busy.body(), "went on unread");
        assertEquals("false", header(busy, HeadroomHeaders.COMPRESSED));
        assertEquals(0, filter.bufferedBytes());

    }

    @Test
    void aBodyThatFitsIsCompressedAndItsShareGivenBackAfterTheResponse() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        HeadroomContainerRequestFilter filter = startWithBodyBudget(original.length);

        for (int i = 0; i < 3; i++) { // a share not given back would leave no room for the next one
            HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
            assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
            assertEquals(0, filter.bufferedBytes());
        }
    }

    @Test
    void prefixedAnthropicPathIsCompressedToo() throws Exception {
        byte[] original = LlmRequests.anthropicMessages();

        HttpResponse<byte[]> r = post("/anthropic/v1/messages", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertTrue(r.body().length < original.length);
        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertEquals(LlmRequests.SYSTEM_PROMPT, LlmRequests.parse(r.body()).get("system").asText());
    }

    @Test
    void bypassHeaderForwardsTheOriginal() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-bypass", "true"));

        assertUntouched(r, original);
        assertEquals("0", header(r, HeadroomHeaders.TOKENS_BEFORE), "a bypassed request is not analysed");
    }

    @Test
    void auditModeHeaderForwardsTheOriginal() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-mode", "audit"));

        assertUntouched(r, original);
        assertTrue(tokenHeaders(r)[0] > 0, "audit measured the request but claims no savings");
        assertEquals(1, headroom.stats().requestsTotal(), "audited requests are still counted");
    }

    @Test
    void otherPathsAndMethodsAreLeftAlone() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/embeddings", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertArrayEquals(original, r.body());
        assertTrue(r.headers().firstValue(HeadroomHeaders.COMPRESSED).isEmpty());
        assertEquals("get v1/chat/completions", get.body());
        assertTrue(get.headers().firstValue(HeadroomHeaders.COMPRESSED).isEmpty());
    }

    @Test
    void unreadableBodyIsForwardedUnchanged() throws Exception {
        byte[] original = "{\"messages\": [ this is not json".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertUntouched(r, original);
    }

    @Test
    void chunkedBodyOverTheLimitReachesTheResourceWhole() throws Exception {
        startWith(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build());
        byte[] original = LlmRequests.openAiChat();

        // ofInputStream has no known length, so the client sends it chunked: the filter has to read to find out.
        HttpResponse<byte[]> r = post("/v1/chat/completions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertUntouched(r, original);
    }

    @Test
    void declaredOversizedBodyReachesTheResourceWhole() throws Exception {
        startWith(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build());
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertUntouched(r, original);
        assertEquals(String.valueOf(original.length), header(r, "echo-length"));
    }

    @Test
    void compressedResponseCarriesAllFourHeaders() throws Exception {
        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()),
                Map.of());

        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        int[] tokens = tokenHeaders(r);
        assertTrue(tokens[1] > 0 && tokens[1] < tokens[0], "before " + tokens[0] + ", after " + tokens[1]);
    }

    @Test
    void gzipBodyIsRewrittenAndForwardedDecoded() throws Exception {
        byte[] json = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(gzip(json)),
                Map.of("Content-Encoding", "gzip"));

        assertEquals(200, r.statusCode());
        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertNull(header(r, "echo-encoding"), "a decoded body must not claim its old Content-Encoding");
        assertEquals(String.valueOf(r.body().length), header(r, "echo-length"));
        assertTrue(r.body().length < json.length);
        assertTrue(LlmRequests.lastContent(LlmRequests.parse(r.body())).contains(LlmRequests.ERROR_NEEDLE));
    }

    @Test
    void gzipBodyWithNothingToCompressGoesOnAsSent() throws Exception {
        byte[] gz = gzip("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(gz),
                Map.of("Content-Encoding", "gzip"));

        assertUntouched(r, gz);
        assertEquals("gzip", header(r, "echo-encoding"));
    }

    @Test
    void brotliBodyPassesByteIdentical() throws Exception {
        byte[] sent = LlmRequests.openAiChat(); // labelled br: the filter cannot decode it, so it must not parse it

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(sent),
                Map.of("Content-Encoding", "br"));

        assertUntouched(r, sent);
        assertEquals("br", header(r, "echo-encoding"));
    }

    @Test
    void textPlainBodyPassesByteIdentical() throws Exception {
        byte[] sent = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(sent),
                Map.of("Content-Type", "text/plain"));

        assertUntouched(r, sent);
    }

    @Test
    void failingHeadroomForwardsTheOriginalAndWarnsThroughJavaUtilLogging() throws Exception {
        startWith(new FailingHeadroom(Headroom.create(HeadroomConfig.defaults())));
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r;
        try (CapturedLog log = CapturedLog.of(Admission.class)) {
            r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                    Map.of("Authorization", "Bearer sk-SECRET-JAXRS"));
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("java.lang.IllegalStateException"), warnings.get(0));
            assertFalse(warnings.get(0).contains(LlmRequests.ERROR_NEEDLE) || warnings.get(0).contains("SECRET"),
                    warnings.get(0));
        }
        assertUntouched(r, original);
    }

    private HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(body);
        if (!headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** All four x-headroom-* headers are there; returns tokens before and after. */
    private static int[] tokenHeaders(HttpResponse<?> r) {
        int before = Integer.parseInt(header(r, HeadroomHeaders.TOKENS_BEFORE));
        int after = Integer.parseInt(header(r, HeadroomHeaders.TOKENS_AFTER));
        assertEquals(Integer.toString(before - after), header(r, HeadroomHeaders.TOKENS_SAVED));
        assertTrue(header(r, HeadroomHeaders.COMPRESSED).matches("true|false"));
        return new int[] {before, after};
    }

    private static void assertUntouched(HttpResponse<byte[]> r, byte[] sent) {
        assertEquals(200, r.statusCode());
        assertArrayEquals(sent, r.body());
        assertEquals("false", header(r, HeadroomHeaders.COMPRESSED));
        assertEquals("0", header(r, HeadroomHeaders.TOKENS_SAVED));
        int[] tokens = tokenHeaders(r);
        assertEquals(tokens[0], tokens[1]);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }
}
