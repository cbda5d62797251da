package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** While the warm-up runs the gateway is alive and serving, but not ready; /readyz says so to a load balancer. */
@QuarkusTest
@TestProfile(ProbesGatewayTest.LongWarmUp.class)
class ProbesGatewayTest {
    public static class LongWarmUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.warm-up", "10m"); // stopped when the profile's gateway stops
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aliveAndServingButNotReadyWhileWarmingUp() throws Exception {
        RawHttp.Answer ready = RawHttp.get(root.getPort(), "/readyz", "localhost:" + root.getPort());
        assertEquals(503, ready.status());
        assertTrue(ready.text().contains("\"ready\":false"), ready.text());
        assertTrue(ready.text().contains("\"status\":\"unhealthy\""), ready.text());
        assertTrue(ready.text().contains("\"warm_up\":\"running\""), ready.text());
        RawHttp.Answer alive = RawHttp.get(root.getPort(), "/livez", "gateway.example");
        assertEquals(200, alive.status(), "probes answer any Host: the kubelet's is no loopback name");
        assertTrue(alive.text().contains("\"alive\":true"), alive.text());
        RawHttp.Answer health = RawHttp.get(root.getPort(), "/health", "localhost:" + root.getPort());
        assertEquals(200, health.status(), "/health answers 200 even when not ready, as the original's");
        assertTrue(health.text().contains("\"ready\":false"), health.text());
    }
}
