package io.headroom.tck;

import static io.headroom.tck.FilterAssertions.COMPRESSED;
import static io.headroom.tck.FilterAssertions.TOKENS_SAVED;
import static io.headroom.tck.FilterAssertions.assertCompressed;
import static io.headroom.tck.FilterAssertions.assertConsistentLength;
import static io.headroom.tck.FilterAssertions.assertForwardedUntouched;
import static io.headroom.tck.FilterAssertions.assertStreamedUnbuffered;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter's behaviour over real HTTP, run once per container (see the subclasses).
 * {@code /api/*} has a default-configured filter, {@code /small/*} one limited to 4 KiB bodies.
 */
abstract class FilterScenarios extends ContainerScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/api/v1/chat/completions";
    private static final int SMALL_LIMIT = 4096;

    private Client client;

    static Deployment deployment() {
        return new Deployment(
                List.of(new Deployment.FilterMount("headroom", "/api/*", Map.of()),
                        new Deployment.FilterMount("headroom-small", "/small/*",
                                Map.of("max-body-bytes", Integer.toString(SMALL_LIMIT)))),
                List.of(new Deployment.ServletMount("echo", "/*", StreamEchoServlet.class),
                        new Deployment.ServletMount("reader-echo", "/api/reader/*", ReaderEchoServlet.class),
                        new Deployment.ServletMount("sse", "/api/sse/*", SseServlet.class)));
    }

    @BeforeAll
    void startContainer() throws Exception {
        client = new Client(start(deployment()));
        // Warm up the pipeline (tokenizer, JIT) so the streaming timing measures the container only.
        assertEquals(200, client.post(CHAT, LlmRequests.openAiChat()).status());
    }

    @Test
    void openAiChatToolOutputIsCompressed() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        JsonNode forwarded = assertCompressed(client.post(CHAT, original), original);
        assertEquals("gpt-4o", forwarded.path("model").asText());
        assertEquals(0.2, forwarded.path("temperature").asDouble());
        assertEquals(4, forwarded.path("messages").size());
        assertEquals("call_1", forwarded.path("messages").path(3).path("tool_call_id").asText());
    }

    @Test
    void anthropicMessagesToolResultIsCompressed() throws Exception {
        byte[] original = LlmRequests.anthropicMessages();
        JsonNode forwarded = assertCompressed(client.post("/api/v1/messages", original), original);
        assertEquals(1024, forwarded.path("max_tokens").asInt());
        assertEquals(LlmRequests.SYSTEM, forwarded.path("system").asText());
        assertEquals(LlmRequests.QUERY, forwarded.path("messages").path(0).path("content").asText());
    }

    @Test
    void responsesFunctionCallOutputIsCompressed() throws Exception {
        byte[] original = LlmRequests.responses();
        JsonNode forwarded = assertCompressed(client.post("/api/v1/responses", original), original);
        assertEquals(LlmRequests.SYSTEM, forwarded.path("instructions").asText());
        assertEquals(3, forwarded.path("input").size());
    }

    @Test
    void userAndSystemMessagesAreForwardedByteIdentical() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        JsonNode sent = JSON.readTree(original);
        Client.Exchange exchange = client.post(CHAT, original);
        JsonNode forwarded = assertCompressed(exchange, original);
        String forwardedText = new String(exchange.upstream().body(), StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            JsonNode message = sent.path("messages").path(i);
            assertEquals(message, forwarded.path("messages").path(i));
            // the message's own JSON text appears verbatim in the forwarded bytes
            assertTrue(forwardedText.contains(JSON.writeValueAsString(message.path("content"))),
                    "message " + i + " was re-encoded");
        }
    }

    @Test
    void bypassHeaderForwardsOriginalBytes() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post(CHAT, original, "x-headroom-bypass", "true");
        assertForwardedUntouched(exchange, original);
        assertConsistentLength(exchange.upstream());
    }

    @Test
    void auditModeHeaderForwardsOriginalBytes() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post(CHAT, original, "x-headroom-mode", "audit");
        assertForwardedUntouched(exchange, original);
        assertTrue(Integer.parseInt(exchange.header(FilterAssertions.TOKENS_BEFORE)) > 0, "audit measured the request");
    }

    @Test
    void passthroughModeHeaderForwardsOriginalBytes() throws Exception {
        byte[] original = LlmRequests.anthropicMessages();
        assertForwardedUntouched(client.post("/api/v1/messages", original, "x-headroom-mode", "passthrough"), original);
    }

    @Test
    void unknownModeHeaderKeepsConfiguredMode() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.post(CHAT, original, "x-headroom-mode", "turbo"), original);
    }

    @Test
    void malformedJsonIsForwardedUnchanged() throws Exception {
        byte[] original = LlmRequests.malformedChat();
        Client.Exchange exchange = client.post(CHAT, original);
        assertForwardedUntouched(exchange, original);
        assertConsistentLength(exchange.upstream());
    }

    @Test
    void shortRequestIsForwardedUnchanged() throws Exception {
        byte[] original = LlmRequests.shortChat();
        assertForwardedUntouched(client.post(CHAT, original), original);
    }

    @Test
    void getRequestIsUntouched() throws Exception {
        Client.Exchange exchange = client.get(CHAT);
        assertEquals(200, exchange.status());
        assertNull(exchange.header(COMPRESSED));
        assertEquals("GET", exchange.upstream().method());
    }

    @Test
    void postToOtherPathIsUntouched() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post("/api/v1/embeddings", original);
        assertEquals(200, exchange.status());
        assertNull(exchange.header(COMPRESSED));
        assertNull(exchange.header(TOKENS_SAVED));
        assertArrayEquals(original, exchange.upstream().body());
    }

    @Test
    void postOutsideTheFilterMappingIsUntouched() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post("/v1/chat/completions", original);
        assertNull(exchange.header(COMPRESSED));
        assertArrayEquals(original, exchange.upstream().body());
    }

    @Test
    void chunkedRequestIsCompressedAndGetsAContentLength() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertCompressed(client.postChunked(CHAT, original), original);
    }

    @Test
    void readerSeesTheRewrittenBody() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        JsonNode forwarded = assertCompressed(client.post("/api/reader/v1/chat/completions", original), original);
        assertEquals(LlmRequests.QUERY, forwarded.path("messages").path(1).path("content").asText());
    }

    @Test
    void oversizedBodyWithContentLengthIsForwardedUntouched() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertTrue(original.length > SMALL_LIMIT);
        Client.Exchange exchange = client.post("/small/v1/chat/completions", original);
        assertForwardedUntouched(exchange, original);
        assertEquals(original.length, exchange.upstream().contentLength());
    }

    @Test
    void oversizedChunkedBodyIsReplayedUntouched() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertForwardedUntouched(client.postChunked("/small/v1/chat/completions", original), original);
    }

    @Test
    void bodyWithinASmallLimitIsBufferedAndForwarded() throws Exception {
        byte[] original = LlmRequests.shortChat();
        assertTrue(original.length < SMALL_LIMIT);
        Client.Exchange exchange = client.post("/small/v1/chat/completions", original);
        assertForwardedUntouched(exchange, original);
        assertConsistentLength(exchange.upstream());
    }

    @Test
    void serverSentEventsStreamThroughUnbuffered() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.postStreaming("/api/sse/v1/chat/completions", original);
        assertEquals(200, response.statusCode());
        assertEquals("true", response.headers().firstValue(COMPRESSED).orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

        assertStreamedUnbuffered(response, start, original);
        assertNotNull(response.headers().firstValue(TOKENS_SAVED).orElse(null));
    }
}
