package io.headroom.tck;

import io.headroom.conformance.LlmRequests;

import static io.headroom.tck.FilterAssertions.COMPRESSED;
import static io.headroom.tck.FilterAssertions.TOKENS_SAVED;
import static io.headroom.tck.FilterAssertions.assertCompressed;
import static io.headroom.tck.FilterAssertions.assertConsistentLength;
import static io.headroom.tck.FilterAssertions.assertForwardedUntouched;
import static io.headroom.tck.FilterAssertions.assertStreamedUnbuffered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter over cleartext HTTP/2 (h2c), run once per container (see the subclasses). Every
 * exchange asserts that the response really came back as HTTP/2, so a silent fallback to
 * HTTP/1.1 fails the test instead of passing it on the wrong protocol.
 */
abstract class H2cScenarios extends ContainerScenarios {
    private static final String CHAT = "/api/v1/chat/completions";

    private Client client;

    /** A container listening for h2c next to HTTP/1.1. */
    @Override
    protected abstract ContainerUnderTest newContainer();

    @BeforeAll
    void startContainer() throws Exception {
        client = new Client(start(FilterScenarios.deployment()), HttpClient.Version.HTTP_2);
        openH2Connection();
        // Warm up the pipeline (tokenizer, JIT) so the streaming timing measures the container only.
        Client.Exchange warmUp = client.post(CHAT, LlmRequests.openAiChat());
        assertEquals(HttpClient.Version.HTTP_2, warmUp.version());
        assertEquals(200, warmUp.status());
    }

    /**
     * The JDK client upgrades to h2c only on a request without a body, and a POST goes over HTTP/1.1
     * unless an h2 connection is already open. A GET first (re)opens it if the server closed an idle one.
     */
    @BeforeEach
    void openH2Connection() throws Exception {
        Client.Exchange upgrade = client.get(CHAT);
        assertEquals(200, upgrade.status());
        assertEquals(HttpClient.Version.HTTP_2, upgrade.version(), "the h2c upgrade was refused");
    }

    @Test
    void openAiChatToolOutputIsCompressedOverH2c() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post(CHAT, original);
        assertEquals(HttpClient.Version.HTTP_2, exchange.version());
        JsonNode forwarded = assertCompressed(exchange, original);
        assertEquals("gpt-4o", forwarded.path("model").asText());
        assertEquals(4, forwarded.path("messages").size());
        assertEquals("call_1", forwarded.path("messages").path(3).path("tool_call_id").asText());
    }

    @Test
    void bypassHeaderForwardsOriginalBytesOverH2c() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        Client.Exchange exchange = client.post(CHAT, original, "x-headroom-bypass", "true");
        assertEquals(HttpClient.Version.HTTP_2, exchange.version());
        assertForwardedUntouched(exchange, original);
        assertConsistentLength(exchange.upstream());
    }

    @Test
    void serverSentEventsStreamThroughUnbufferedOverH2c() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.postStreaming("/api/sse/v1/chat/completions", original);
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(200, response.statusCode());
        assertEquals("true", response.headers().firstValue(COMPRESSED).orElse(null));
        assertNotNull(response.headers().firstValue(TOKENS_SAVED).orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

        assertStreamedUnbuffered(response, start, original);
    }
}
