package io.headroom.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The body-read bounds every host is configured with for the contract, and their assertions: the read limit
 * ({@link #READ_LIMIT_BYTES}) and the read timeout ({@link #BODY_READ_TIMEOUT_MS}).
 */
public final class BodyLimits {
    /**
     * The most body bytes a host reads before answering 413: the Vert.x handler's {@code readLimit}, Quarkus's
     * {@code quarkus.http.limits.max-body-size}. Above the contract's largest legitimate body (a 2 MB form).
     */
    public static final int READ_LIMIT_BYTES = 3 * 1024 * 1024;
    /** {@code body-read-timeout-ms}, short so that the stalled-body case is quick. */
    public static final long BODY_READ_TIMEOUT_MS = 1500;
    public static final String BODY_READ_TIMEOUT_OPTION = "body-read-timeout-ms";

    /**
     * How long a stalled request may go unanswered: the watchdog gives up after one to two timeouts (silence is
     * judged per period); the rest is room for a busy machine. A host without the timeout (30 s by default) fails.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(BODY_READ_TIMEOUT_MS * 2 + 10_000);
    /** Where the container owns the timeout, the sender is still waited for after this much silence. */
    private static final Duration STILL_WAITING_AFTER = Duration.ofMillis(BODY_READ_TIMEOUT_MS * 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyLimits() {
    }

    /** A JSON chat request of {@link #READ_LIMIT_BYTES} + 64 KiB. */
    static byte[] overReadLimit() {
        String head = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        int size = READ_LIMIT_BYTES + 64 * 1024;
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code status} with the JSON error body every host answers itself, of {@code type}. */
    static void assertJsonError(int expectedStatus, String type, int status, String contentType, byte[] body)
            throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, text);
        assertTrue(contentType != null && contentType.startsWith("application/json"), "Content-Type: " + contentType);
        JsonNode error = JSON.readTree(body).path("error");
        assertEquals(type, error.path("type").asText(), text);
        assertFalse(error.path("message").asText().isEmpty(), text);
    }

    static void assertAnswered408OrCutOff(Protocol protocol, URI base) throws IOException, InterruptedException {
        StalledBody.Outcome outcome = stall(protocol, base, ANSWER_WITHIN);
        assertFalse(outcome.noAnswer(), "no answer " + ANSWER_WITHIN.toMillis() + " ms into the silence");
        if (!outcome.closed()) {
            assertJsonError(408, "request_timeout", outcome.status(), outcome.contentType(), outcome.body());
        }
    }

    static void assertStillWaitedFor(Protocol protocol, URI base) throws IOException, InterruptedException {
        StalledBody.Outcome outcome = stall(protocol, base, STILL_WAITING_AFTER);
        assertTrue(outcome.noAnswer(), "the container cut the sender off after less than its idle timeout: "
                + outcome.status() + " " + outcome.bodyText());
    }

    private static StalledBody.Outcome stall(Protocol protocol, URI base, Duration wait)
            throws IOException, InterruptedException {
        byte[] first = "{\"model\":\"gpt-4o\",\"messages\":[".getBytes(StandardCharsets.US_ASCII);
        return StalledBody.send(protocol, base, "/v1/chat/completions", first, 4096, wait);
    }
}
