package io.headroom.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the container tests. */
final class FilterAssertions {
    static final String COMPRESSED = "x-headroom-compressed";
    static final String TOKENS_SAVED = "x-headroom-tokens-saved";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterAssertions() {
    }

    /**
     * The upstream got a smaller, valid JSON body that still holds every needle, with a
     * Content-Length that matches it; the client got the compression headers.
     */
    static JsonNode assertCompressed(Client.Exchange exchange, byte[] original) throws IOException {
        assertEquals(200, exchange.status());
        assertEquals("true", exchange.header(COMPRESSED));
        assertTrue(Integer.parseInt(exchange.header(TOKENS_SAVED)) > 0,
                "tokens saved: " + exchange.header(TOKENS_SAVED));
        Upstream upstream = exchange.upstream();
        assertEquals("POST", upstream.method());
        assertTrue(upstream.body().length < original.length,
                "forwarded " + upstream.body().length + " bytes, original " + original.length);
        JsonNode forwarded = JSON.readTree(upstream.body());
        String text = new String(upstream.body(), StandardCharsets.UTF_8);
        for (String needle : LlmRequests.NEEDLES) {
            assertTrue(text.contains(needle), "needle lost: " + needle);
        }
        assertConsistentLength(upstream);
        return forwarded;
    }

    /** The upstream's view of the length agrees with the bytes it actually read. */
    static void assertConsistentLength(Upstream upstream) {
        int received = upstream.body().length;
        assertEquals(received, upstream.contentLength());
        assertEquals(received, upstream.contentLengthInt());
        assertEquals(Integer.toString(received), upstream.contentLengthHeader());
        assertEquals(received, upstream.contentLengthIntHeader());
        assertEquals(1, upstream.contentLengthHeaderNames());
        assertEquals(1, upstream.contentLengthHeaders());
        assertNull(upstream.transferEncoding());
    }

    /** The upstream got exactly the bytes the client sent; the filter reported no compression. */
    static void assertForwardedUntouched(Client.Exchange exchange, byte[] original) throws IOException {
        assertEquals(200, exchange.status());
        assertEquals("false", exchange.header(COMPRESSED));
        assertEquals("0", exchange.header(TOKENS_SAVED));
        assertArrayEquals(original, exchange.upstream().body());
    }
}
