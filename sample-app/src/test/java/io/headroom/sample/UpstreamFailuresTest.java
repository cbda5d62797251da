package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow or failing upstream reaches the client as an error, promptly, and never hangs the gateway:
 * silence beyond the gateway's timeout is a 502 in the provider's error shape, a reset connection is a 502, a 5xx is
 * passed through with the upstream's own status and body, and a reset in mid-answer ends the client's
 * request rather than leaving it open. Every request here has a client-side timeout far above the
 * gateway's, so a hang fails the test instead of stalling the build; no assertion is about speed.
 */
@QuarkusTest
@WithTestResource(FailingUpstreamsResource.class)
@TestProfile(UpstreamFailuresTest.ShortTimeout.class)
class UpstreamFailuresTest {
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.idle-timeout", "1s");
        }
    }

    private static final Duration CLIENT_BOUND = Duration.ofSeconds(30);
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String MESSAGES = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI base;

    private HttpRequest request(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(CLIENT_BOUND)
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-failures")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return headers.length == 0 ? b.build() : b.headers(headers).build();
    }

    private HttpResponse<String> send(String path, String body, String... headers) throws Exception {
        try {
            return http.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("the gateway did not answer within " + CLIENT_BOUND, e);
        }
    }

    private void assertProviderError(HttpResponse<String> r, String messagePart) throws IOException {
        assertEquals(502, r.statusCode(), r.body());
        JsonNode body = mapper.readTree(r.body());
        JsonNode error = body.get("error");
        // each provider's own shape: Anthropic's {"type":"error","error":{"type":"api_error"}}, OpenAI's code
        boolean anthropic = "error".equals(body.path("type").asText());
        assertEquals(anthropic ? "api_error" : "server_error", error.get("type").asText(), r.body());
        assertTrue(error.get("message").asText().contains(messagePart), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void silenceBeyondTheTimeoutIs502() throws Exception {
        assertProviderError(send("v1/chat/completions", CHAT, "x-stub-delay-ms", "4000"), "timed out");
    }

    @Test
    void resetConnectionIs502() throws Exception {
        HttpResponse<String> r = send("v1/messages", MESSAGES, "x-api-key", "sk-failures");
        assertProviderError(r, "unavailable");
        assertTrue(!r.body().contains("sk-failures"), "no credential in the error");
    }

    @Test
    void resetInMidAnswerEndsTheRequest() throws Exception {
        // headers and part of the body were relayed already: the client's request must end, not hang
        try {
            HttpResponse<String> r = send("v1/messages?partial=1", MESSAGES, "x-api-key", "sk-failures");
            assertNotEquals("{\"id\":\"cut-off", r.body(), "a truncated body must not look complete");
            assertTrue(r.statusCode() == 502 || r.body().length() < 1000, r.statusCode() + " " + r.body());
        } catch (IOException e) {
            assertTrue(!(e instanceof HttpTimeoutException), "ended by the gateway, not by our timeout: " + e);
        }
    }

    @Test
    void serverErrorsArePassedThrough() throws Exception {
        for (String status : List.of("500", "503", "529")) {
            HttpResponse<String> r = send("v1/chat/completions", CHAT, "x-stub-status", status);
            assertEquals(Integer.parseInt(status), r.statusCode());
            assertEquals("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"stub says slow down\"}}", r.body());
        }
    }

    @Test
    void manyFailingRequestsAtOnceAllEnd() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            HttpRequest r = switch (i % 3) {
                case 0 -> request("v1/chat/completions", CHAT, "x-stub-delay-ms", "3000");
                case 1 -> request("v1/messages", MESSAGES);
                default -> request("v1/chat/completions", CHAT, "x-stub-status", "503");
            };
            inFlight.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < inFlight.size(); i++) {
            HttpResponse<String> r = inFlight.get(i).get(CLIENT_BOUND.toSeconds() + 10, TimeUnit.SECONDS);
            assertEquals(i % 3 == 2 ? 503 : 502, r.statusCode(), r.body());
        }
        // and the gateway still serves normally afterwards
        assertEquals(200, send("v1/chat/completions", CHAT).statusCode());
    }
}
