package io.headroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadroomCompressorTest {
    private final HeadroomCompressor compressor = HeadroomCompressor.create(HeadroomConfig.defaults());

    @AfterEach
    void close() {
        compressor.close();
    }

    @Test
    void compressesAChatRequestAndReportsMetrics() {
        byte[] original = LlmRequests.openAiChat();

        Compression c = compressor.compress(original, "/v1/chat/completions");

        assertEquals(Endpoint.OPENAI_CHAT, c.endpoint());
        assertTrue(c.compressed());
        assertFalse(c.failedOpen());
        assertTrue(c.body().length < original.length / 2, c.body().length + " of " + original.length + " bytes");
        assertTrue(c.tokensBefore() > c.tokensAfter() && c.tokensAfter() > 0);
        assertEquals(c.tokensBefore() - c.tokensAfter(), c.tokensSaved());
        assertTrue(c.savingsRatio() > 0.5, "saved " + c.savingsRatio());
        assertTrue(c.transforms().stream().anyMatch(t -> t.startsWith("router:")), c.transforms().toString());
        assertFalse(c.ccrHashes().isEmpty());
        assertTrue(c.elapsed().toNanos() > 0);

        JsonNode sent = LlmRequests.parse(c.body());
        assertEquals(LlmRequests.SYSTEM_PROMPT, sent.at("/messages/0/content").asText());
        assertEquals(LlmRequests.USER_QUESTION, sent.at("/messages/1/content").asText());
        assertTrue(LlmRequests.lastContent(sent).contains(LlmRequests.ERROR_NEEDLE), "the ERROR item survives");

        // The original of the compressed tool output stays retrievable through the same Headroom.
        String hash = c.ccrHashes().get(0);
        assertEquals(LlmRequests.logsText(), compressor.headroom().retrieve(hash, null).originalContent());
    }

    @Test
    void acceptsPrefixedPathsAndTheEndpointOverload() {
        byte[] original = LlmRequests.anthropicMessages();

        Compression byPath = compressor.compress(original, "/anthropic/v1/messages/");
        Compression byEndpoint = compressor.compress(original, Endpoint.ANTHROPIC_MESSAGES);

        assertEquals(Endpoint.ANTHROPIC_MESSAGES, byPath.endpoint());
        assertTrue(byPath.compressed() && byEndpoint.compressed());
        assertArrayEquals(byPath.body(), byEndpoint.body(), "deterministic");
    }

    @Test
    void auditModeReportsWithoutRewriting() {
        byte[] original = LlmRequests.openAiChat();

        Compression c = compressor.compress(original, Endpoint.OPENAI_CHAT, Mode.AUDIT);

        assertSame(original, c.body());
        assertFalse(c.compressed());
        assertEquals(0, c.tokensSaved());
        assertTrue(c.tokensBefore() > c.tokensAfter(), "would-be savings are measured");
    }

    @Test
    void unknownPathListsTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compressor.compress(LlmRequests.openAiChat(), "/v1/embeddings"));

        assertTrue(e.getMessage().contains("/v1/embeddings"), e.getMessage());
        for (Endpoint endpoint : Endpoint.values()) {
            assertTrue(e.getMessage().contains(endpoint.path()), e.getMessage());
        }
    }

    @Test
    void bodiesHeadroomCannotReadComeBackUnchanged() {
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);

        Compression c = compressor.compress(notJson, "/v1/chat/completions");

        assertArrayEquals(notJson, c.body());
        assertFalse(c.compressed());
        assertEquals(0, c.tokensSaved());
    }
}
