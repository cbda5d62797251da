package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The original's upstream readiness check, over real HTTP: the Anthropic target is a loopback port nobody
 * listens on, so {@code /readyz} answers 503 with {@code checks.upstream} unhealthy, while {@code /health}
 * still answers 200 (saying {@code unhealthy}) and {@code /livez} 200.
 */
@QuarkusTest
@TestProfile(UpstreamCheckGatewayTest.UnreachableUpstream.class)
class UpstreamCheckGatewayTest {
    public static class UnreachableUpstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.health.upstream-check", "true",
                    "headroom.gateway.anthropic-target-url", "http://127.0.0.1:" + closedPort());
        }
    }

    /** A loopback port that was free a moment ago: nothing listens there. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void anUnreachableUpstreamMakesTheGatewayNotReady() throws Exception {
        int port = root.getPort();
        RawHttp.Answer ready = RawHttp.get(port, "/readyz", "gateway.example");
        assertEquals(503, ready.status(), ready.text());
        assertTrue(ready.text().contains("\"ready\":false"), ready.text());
        assertTrue(ready.text().contains("\"upstream\":{\"enabled\":true,\"ready\":false,\"status\":\"unhealthy\""),
                ready.text());

        RawHttp.Answer health = RawHttp.get(port, "/health", "gateway.example");
        assertEquals(200, health.status(), health.text());
        assertTrue(health.text().contains("\"status\":\"unhealthy\""), health.text());
        assertEquals(200, RawHttp.get(port, "/livez", "gateway.example").status());
    }
}
