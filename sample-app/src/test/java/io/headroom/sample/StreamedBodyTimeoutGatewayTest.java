package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1: a body the gateway streams to the provider unread (here: not JSON) is bounded like the ones
 * Headroom reads: a sender that stops is answered 408 in JSON and its connection closed, instead of holding the
 * connection and an upstream one open for good.
 */
@QuarkusTest
@TestProfile(StreamedBodyTimeoutGatewayTest.ShortReadTimeout.class)
@WithTestResource(UpstreamStubResource.class)
class StreamedBodyTimeoutGatewayTest {
    public static class ShortReadTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.headroom.body-read-timeout", "300ms");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSilentSenderOfAStreamedBodyIsAnswered408AndDisconnected() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(root.getPort(), "POST /v1/chat/completions HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                // valid so far (a body that is not JSON would be refused at once), then nothing
                + "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"the first bytes");
        assertEquals(408, answer.status(), answer.text());
        assertTrue(answer.text().toLowerCase().contains("content-type: application/json"), answer.text());
        assertTrue(answer.text().contains("\"type\":\"request_timeout\""), answer.text());
        // RawHttp.exchange returned, so the gateway closed the connection (it reads until end of stream)
    }
}
