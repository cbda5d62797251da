package io.headroom.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Assertions shared by the container tests. */
final class FilterAssertions {
    static final String COMPRESSED = "x-headroom-compressed";
    static final String TOKENS_BEFORE = "x-headroom-tokens-before";
    static final String TOKENS_AFTER = "x-headroom-tokens-after";
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
        assertTokenHeadersAgree(exchange);
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
        assertEquals(exchange.header(TOKENS_BEFORE), exchange.header(TOKENS_AFTER), "no header claims a saving");
        assertTokenHeadersAgree(exchange);
        assertArrayEquals(original, exchange.upstream().body());
    }

    /** All four response headers are there, and tokens-saved is tokens-before minus tokens-after. */
    static void assertTokenHeadersAgree(Client.Exchange exchange) {
        int before = Integer.parseInt(exchange.header(TOKENS_BEFORE));
        int after = Integer.parseInt(exchange.header(TOKENS_AFTER));
        assertEquals(Integer.toString(before - after), exchange.header(TOKENS_SAVED));
        assertTrue(exchange.header(COMPRESSED).matches("true|false"), exchange.header(COMPRESSED));
    }

    /**
     * The {@link SseServlet} stream {@code response} (requested at {@code start}, nanoTime) arrived event by
     * event rather than buffered, and the servlet read a compressed body smaller than {@code original}.
     */
    static void assertStreamedUnbuffered(HttpResponse<InputStream> response, long start, byte[] original)
            throws IOException {
        List<String> events = new ArrayList<>();
        long firstEvent = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    if (events.isEmpty()) {
                        firstEvent = System.nanoTime();
                    }
                    events.add(line.substring("data:".length()).trim());
                }
            }
        }
        long end = System.nanoTime();

        assertEquals(3, events.size(), "events: " + events);
        assertEquals("[DONE]", events.get(2));
        int received = JSON.readTree(events.get(0)).path("received_bytes").asInt();
        assertTrue(received > 0 && received < original.length, "servlet read " + received + " bytes");
        long pause = SseServlet.PAUSE_MILLIS;
        long firstMillis = (firstEvent - start) / 1_000_000;
        long totalMillis = (end - start) / 1_000_000;
        long afterFirstMillis = (end - firstEvent) / 1_000_000;
        // Buffered, the first event would arrive together with the last, after both pauses.
        assertTrue(firstMillis < pause, "first event after " + firstMillis + " ms");
        assertTrue(totalMillis >= 2 * pause - 100, "stream took only " + totalMillis + " ms");
        assertTrue(afterFirstMillis >= 2 * pause - 500, "first event only " + afterFirstMillis + " ms before the end");
    }
}
