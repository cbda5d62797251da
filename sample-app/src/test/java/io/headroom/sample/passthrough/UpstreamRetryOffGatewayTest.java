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
import org.junit.jupiter.api.Test;

/** headroom.gateway.retry.enabled=false: every answer reaches the client after one attempt. */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
@TestProfile(UpstreamRetryOffGatewayTest.RetriesOff.class)
class UpstreamRetryOffGatewayTest {
    public static class RetriesOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.retry.enabled", "false");
        }
    }

    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aFailedAnswerIsRelayedAtOnce() throws Exception {
        upstream.reset();
        upstream.then(answer(529, "application/json", "{\"type\":\"error\"}", "retry-after", "0"),
                answer(200, "application/json", "{}"));

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("v1/messages"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(UpstreamRetryGatewayTest.MESSAGES)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(529, r.statusCode());
        assertEquals(1, upstream.received().size());
    }
}
