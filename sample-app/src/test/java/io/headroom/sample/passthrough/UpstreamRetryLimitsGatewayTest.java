package io.headroom.sample.passthrough;

import static io.headroom.sample.passthrough.ScriptedUpstream.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline bounds the retries: a wait that would end past it (a long {@code retry-after}, or a backoff
 * longer than what is left) is not taken, and the answer in hand goes to the client. Asserted on counts:
 * the deadline (5 s) is far from every wait tried here (0 s or at least 20 s), so no timing can flake.
 */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
@TestProfile(UpstreamRetryLimitsGatewayTest.ShortDeadline.class)
class UpstreamRetryLimitsGatewayTest {
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.retry.deadline", "5s",
                    "headroom.gateway.retry.base-delay", "40s",
                    "headroom.gateway.retry.max-delay", "60s");
        }
    }

    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    private HttpResponse<String> chat() throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("v1/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(UpstreamRetryGatewayTest.CHAT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retryAfterBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        upstream.then(answer(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}", "retry-after", "30"),
                answer(200, "application/json", UpstreamRetryGatewayTest.OK_CHAT));

        HttpResponse<String> r = chat();

        assertEquals(429, r.statusCode());
        assertEquals("30", r.headers().firstValue("retry-after").orElse(null), "the provider's answer as sent");
        assertEquals(1, upstream.received().size());
    }

    @Test
    void retryAfterWithinTheDeadlineReplacesTheBackoff() throws Exception {
        // the backoff alone (40 s base, at least 20 s with jitter) would pass the deadline: only the
        // provider's retry-after of 0 makes this retry happen
        upstream.then(answer(503, "text/plain", "busy", "retry-after", "0"),
                answer(200, "application/json", UpstreamRetryGatewayTest.OK_CHAT));

        assertEquals(200, chat().statusCode());
        assertEquals(2, upstream.received().size());
    }

    @Test
    void backoffBeyondTheDeadlineEndsTheSeries() throws Exception {
        upstream.then(answer(503, "text/plain", "busy"), answer(200, "application/json", UpstreamRetryGatewayTest.OK_CHAT));

        HttpResponse<String> r = chat();

        assertEquals(503, r.statusCode());
        assertEquals("busy", r.body());
        assertEquals(1, upstream.received().size());
    }
}
