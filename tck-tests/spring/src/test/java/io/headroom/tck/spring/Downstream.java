package io.headroom.tck.spring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.LlmRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Assertions on what reached the application behind the filter, read from its {@link ReceivedRequest} report. */
public final class Downstream {
    public static final String COMPRESSED = "x-headroom-compressed";
    public static final String TOKENS_SAVED = "x-headroom-tokens-saved";

    private Downstream() {
    }

    /**
     * The downstream got a smaller OpenAI chat body that still holds the error needle and the user's
     * question; the client got the compression headers.
     */
    public static ReceivedRequest assertCompressed(HttpResponse<byte[]> response, byte[] original) {
        assertEquals(200, response.statusCode());
        assertEquals("true", header(response, COMPRESSED));
        assertTrue(Integer.parseInt(header(response, TOKENS_SAVED)) > 0, "tokens saved: " + header(response, TOKENS_SAVED));
        ReceivedRequest received = ReceivedRequest.fromJson(response.body());
        assertEquals("POST", received.method());
        assertTrue(received.body().length < original.length,
                "forwarded " + received.body().length + " bytes, original " + original.length);
        JsonNode forwarded = LlmRequests.parse(received.body());
        assertTrue(LlmRequests.lastContent(forwarded).contains(LlmRequests.ERROR_NEEDLE), "the error item was lost");
        assertEquals(LlmRequests.USER_QUESTION, forwarded.path("messages").path(1).path("content").asText());
        return received;
    }

    /** The downstream got exactly the bytes the client sent; the filter reported no compression. */
    public static ReceivedRequest assertUntouched(HttpResponse<byte[]> response, byte[] original) {
        assertEquals(200, response.statusCode());
        assertEquals("false", header(response, COMPRESSED));
        assertEquals("0", header(response, TOKENS_SAVED));
        ReceivedRequest received = ReceivedRequest.fromJson(response.body());
        assertArrayEquals(original, received.body());
        return received;
    }

    /**
     * Reads the {@link SseScript} stream to its end: every event arrived, the first one reporting a
     * compressed body, and the last one a full pause after the first (a buffering host delivers them
     * together at the end, so the gap between them would be about zero).
     */
    public static void assertStreamedAsSent(HttpResponse<InputStream> response, byte[] original) throws IOException {
        assertEquals(200, response.statusCode());
        assertEquals("true", response.headers().firstValue(COMPRESSED).orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        long firstArrival = 0;
        long lastArrival = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    lastArrival = System.nanoTime();
                    firstArrival = events.isEmpty() ? lastArrival : firstArrival;
                    events.add(line.substring("data:".length()).trim());
                }
            }
        }
        assertEquals(3, events.size(), "events: " + events);
        assertEquals("[DONE]", events.get(2));
        ReceivedRequest received = ReceivedRequest.fromJson(events.get(0).getBytes(StandardCharsets.UTF_8));
        assertTrue(received.body().length < original.length, "the streamed request was not compressed");
        long gapMillis = (lastArrival - firstArrival) / 1_000_000;
        assertTrue(gapMillis >= SseScript.PAUSE.toMillis(), "the events arrived together (" + gapMillis + " ms apart)");
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
