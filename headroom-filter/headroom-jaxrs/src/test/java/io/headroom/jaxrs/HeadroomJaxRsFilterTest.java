package io.headroom.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filters in Jersey on Grizzly, over real HTTP, in front of a resource that echoes what it got. */
class HeadroomJaxRsFilterTest {
    /** HTTP/1.1: the JDK client's default h2c upgrade attempt on a POST stalls Grizzly's body reading. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Echoes the body it received and the Content-Length it saw. */
    @Path("/")
    public static class EchoResource {
        @POST
        @Path("{path: .*}")
        public Response echo(@PathParam("path") String path, @Context HttpHeaders headers, byte[] body) {
            String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            return Response.ok(body, "application/json").header("echo-length", length).build();
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
        stop();
        headroom = Headroom.create(config);
        ResourceConfig app = new ResourceConfig(EchoResource.class).register(new HeadroomFeature(headroom));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
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
        assertEquals("true", header(r, "x-headroom-compressed"));
        assertTrue(Integer.parseInt(header(r, "x-headroom-tokens-saved")) > 0);
        JsonNode request = LlmRequests.parse(seen);
        assertEquals(LlmRequests.SYSTEM_PROMPT, request.at("/messages/0/content").asText());
        assertEquals(LlmRequests.USER_QUESTION, request.at("/messages/1/content").asText());
        assertTrue(LlmRequests.lastContent(request).contains(LlmRequests.ERROR_NEEDLE));
    }

    @Test
    void prefixedAnthropicPathIsCompressedToo() throws Exception {
        byte[] original = LlmRequests.anthropicMessages();

        HttpResponse<byte[]> r = post("/anthropic/v1/messages", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertTrue(r.body().length < original.length);
        assertEquals("true", header(r, "x-headroom-compressed"));
        assertEquals(LlmRequests.SYSTEM_PROMPT, LlmRequests.parse(r.body()).get("system").asText());
    }

    @Test
    void bypassHeaderForwardsTheOriginal() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-bypass", "true"));

        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
        assertEquals("0", header(r, "x-headroom-tokens-saved"));
    }

    @Test
    void auditModeHeaderForwardsTheOriginal() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original),
                Map.of("x-headroom-mode", "audit"));

        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
        assertEquals(1, headroom.stats().requestsTotal(), "audited requests are still counted");
    }

    @Test
    void otherPathsAndMethodsAreLeftAlone() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/v1/embeddings", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertArrayEquals(original, r.body());
        assertTrue(r.headers().firstValue("x-headroom-compressed").isEmpty());
        assertEquals("get v1/chat/completions", get.body());
        assertTrue(get.headers().firstValue("x-headroom-compressed").isEmpty());
    }

    @Test
    void unreadableBodyIsForwardedUnchanged() throws Exception {
        byte[] original = "{\"messages\": [ this is not json".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = post("/v1/chat/completions", HttpRequest.BodyPublishers.ofByteArray(original), Map.of());

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
    }

    @Test
    void chunkedBodyOverTheLimitReachesTheResourceWhole() throws Exception {
        startWith(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build());
        byte[] original = LlmRequests.openAiChat();

        // ofInputStream has no known length, so the client sends it chunked: the filter has to read to find out.
        HttpResponse<byte[]> r = post("/v1/chat/completions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(original)), Map.of());

        assertArrayEquals(original, r.body());
        assertEquals("false", header(r, "x-headroom-compressed"));
    }

    private HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(body).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }
}
