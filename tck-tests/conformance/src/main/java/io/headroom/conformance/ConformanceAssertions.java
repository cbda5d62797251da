package io.headroom.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The contract's assertions, one place for what "compressed" and "forwarded as sent" mean on the wire.
 * Public so a host module can add host-specific cases that assert the same way.
 */
public final class ConformanceAssertions {
    public static final String COMPRESSED = "x-headroom-compressed";
    public static final String TOKENS_BEFORE = "x-headroom-tokens-before";
    public static final String TOKENS_AFTER = "x-headroom-tokens-after";
    public static final String TOKENS_SAVED = "x-headroom-tokens-saved";
    public static final String IMAGE_TOKENS_BEFORE = "x-headroom-image-tokens-before";
    public static final String IMAGE_TOKENS_AFTER = "x-headroom-image-tokens-after";
    public static final String IMAGE_TECHNIQUES = "x-headroom-image-techniques";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformanceAssertions() {
    }

    /**
     * Headroom rewrote the request: the client got the downstream's answer unchanged and all four
     * {@code x-headroom-*} headers with consistent numbers; the downstream got a smaller, valid JSON body
     * in which every needle survived, without a Content-Encoding, framed consistently.
     *
     * @return the body the downstream received, parsed
     */
    public static JsonNode assertCompressed(ConformanceClient.Exchange exchange, byte[] original)
            throws IOException, InterruptedException {
        assertAnswerRelayed(exchange);
        // the downstream first: a wrong body is the more important failure to report
        RecordingStub.Received received = exchange.received();
        assertEquals("POST", received.method());
        assertTrue(received.body().length < original.length,
                "the downstream received " + received.body().length + " bytes of " + original.length);
        for (String needle : LlmRequests.NEEDLES) {
            assertTrue(received.bodyText().contains(needle), "needle lost: " + needle);
        }
        return assertRewritten(exchange);
    }

    /**
     * Headroom rewrote the request and says so: the client got the downstream's answer unchanged and all four
     * {@code x-headroom-*} headers with consistent numbers; the downstream got valid JSON without a
     * Content-Encoding, framed consistently. Unlike {@link #assertCompressed} nothing is said about the body's
     * length ({@code "detail": "low"} makes it longer) or about the log fixture's needles.
     *
     * @return the body the downstream received, parsed
     */
    public static JsonNode assertRewritten(ConformanceClient.Exchange exchange) throws IOException, InterruptedException {
        assertAnswerRelayed(exchange);
        RecordingStub.Received received = exchange.received();
        assertEquals("POST", received.method());
        JsonNode forwarded = parse(received);
        String encoding = received.contentEncoding();
        assertTrue(encoding == null || "identity".equalsIgnoreCase(encoding.trim()),
                "the rewritten body is plain, yet the downstream saw Content-Encoding: " + encoding);
        assertFramingConsistent(received);

        assertEquals("true", exchange.header(COMPRESSED), COMPRESSED);
        int saved = intHeader(exchange, TOKENS_SAVED);
        assertTrue(saved > 0, "tokens saved: " + saved);
        int before = intHeader(exchange, TOKENS_BEFORE);
        int after = intHeader(exchange, TOKENS_AFTER);
        assertEquals(before - after, saved, "tokens saved = tokens before - tokens after");
        return forwarded;
    }

    /**
     * The image headers: {@code x-headroom-image-tokens-before/-after} as given, and
     * {@code x-headroom-image-techniques} exactly {@code techniques} ({@code technique:images:before:after}, comma-joined).
     * The image tokens are part of the request's tokens, so they can never exceed them.
     */
    public static void assertImageHeaders(ConformanceClient.Exchange exchange, int before, int after, String techniques) {
        assertEquals(before, intHeader(exchange, IMAGE_TOKENS_BEFORE), IMAGE_TOKENS_BEFORE);
        assertEquals(after, intHeader(exchange, IMAGE_TOKENS_AFTER), IMAGE_TOKENS_AFTER);
        assertEquals(techniques, exchange.header(IMAGE_TECHNIQUES), IMAGE_TECHNIQUES);
        assertTrue(before <= intHeader(exchange, TOKENS_BEFORE), "image tokens are counted in " + TOKENS_BEFORE);
        assertTrue(after <= intHeader(exchange, TOKENS_AFTER), "image tokens are counted in " + TOKENS_AFTER);
    }


    /**
     * Headroom left the request alone: the downstream received exactly {@code original}, the client got
     * the downstream's answer unchanged, and no header claims tokens were saved.
     */
    public static RecordingStub.Received assertForwardedAsSent(ConformanceClient.Exchange exchange, byte[] original)
            throws IOException, InterruptedException {
        assertAnswerRelayed(exchange);
        assertNoSavingsClaimed(exchange);
        RecordingStub.Received received = exchange.received();
        assertEquals("POST", received.method());
        assertArrayEquals(original, received.body(),
                "the downstream must receive the original bytes (" + original.length + "), got "
                        + received.body().length);
        assertFramingConsistent(received);
        return received;
    }

    /** No header says the request was compressed or that tokens were saved. */
    public static void assertNoSavingsClaimed(ConformanceClient.Exchange exchange) {
        String compressed = exchange.header(COMPRESSED);
        assertTrue(compressed == null || "false".equals(compressed), COMPRESSED + ": " + compressed);
        String saved = exchange.header(TOKENS_SAVED);
        assertTrue(saved == null || "0".equals(saved), TOKENS_SAVED + " claims savings: " + saved);
        String before = exchange.header(TOKENS_BEFORE);
        String after = exchange.header(TOKENS_AFTER);
        if (before != null && after != null) {
            assertEquals(before, after, "tokens before and after differ although nothing was rewritten");
        }
    }

    /** The response carries no {@code x-headroom-*} header at all. */
    public static void assertNoHeadroomHeaders(ConformanceClient.Exchange exchange) {
        assertEquals(List.of(), exchange.headroomHeaders(), "a request Headroom does not handle is marked");
    }

    /** The client got the downstream's JSON answer byte for byte. */
    public static void assertAnswerRelayed(ConformanceClient.Exchange exchange) {
        assertEquals(200, exchange.status(), () -> "status; body: " + new String(exchange.body()));
        assertArrayEquals(RecordingStub.JSON_RESPONSE, exchange.body(), "the JSON answer was changed on its way back");
        String type = exchange.header("Content-Type");
        assertNotNull(type, "Content-Type of the answer");
        assertTrue(type.toLowerCase(Locale.ROOT).startsWith("application/json"), "Content-Type: " + type);
    }

    /**
     * The length the downstream was told matches the bytes it read: a Content-Length, when present,
     * equals the body's length and is never combined with chunked transfer coding.
     */
    public static void assertFramingConsistent(RecordingStub.Received received) {
        String length = received.contentLength();
        if (length != null) {
            assertEquals(Integer.toString(received.body().length), length.trim(),
                    "Content-Length seen downstream vs bytes read");
            String te = received.transferEncoding();
            assertTrue(te == null || !te.toLowerCase(Locale.ROOT).contains("chunked"),
                    "Content-Length together with Transfer-Encoding: " + te);
        }
    }

    /** The value of the integer response header {@code name}, failing when it is missing, negative or not a number. */
    public static int intHeader(ConformanceClient.Exchange exchange, String name) {
        String v = exchange.header(name);
        assertNotNull(v, "missing response header " + name);
        try {
            int n = Integer.parseInt(v.trim());
            assertTrue(n >= 0, name + ": " + v);
            return n;
        } catch (NumberFormatException e) {
            return fail(name + " is not a number: " + v);
        }
    }

    private static JsonNode parse(RecordingStub.Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (IOException e) {
            return fail("the downstream received invalid JSON: " + e.getMessage());
        }
    }

}
