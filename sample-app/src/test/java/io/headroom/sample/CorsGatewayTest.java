package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: CORS when configured ({@code HEADROOM_CORS_ORIGINS}), over real HTTP. A preflight from an
 * allowed origin is answered, from any other refused; an actual answer grants only an allowed origin, and an
 * upstream's own grant ({@link HeaderSettingUpstream} sends {@code *}) never reaches the browser.
 */
@QuarkusTest
@TestProfile(CorsGatewayTest.WithOrigins.class)
class CorsGatewayTest {
    static final String APP = "https://app.example";

    public static class WithOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.cors.allowed-origins", APP + ",https://other.example");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HeaderSettingUpstream.class));
        }
    }

    @TestHTTPResource("/")
    URL root;

    private RawHttp.Answer preflight(String origin) throws Exception {
        return RawHttp.exchange(root.getPort(), "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: gateway.example\r\n"
                + "Origin: " + origin + "\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type, authorization\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        RawHttp.Answer ok = preflight(APP);
        assertEquals(200, ok.status(), ok.text());
        Map<String, String> h = SafeByDefaultGatewayTest.headers(ok);
        assertEquals(APP, h.get("access-control-allow-origin"), ok.text());
        assertTrue(h.get("access-control-allow-methods").contains("POST"), ok.text());
        assertTrue(h.get("access-control-allow-headers").contains("Authorization"), ok.text());
        assertEquals("nosniff", h.get("x-content-type-options"), ok.text());

        RawHttp.Answer refused = preflight("https://evil.example");
        assertEquals(400, refused.status(), refused.text());
        assertTrue(SafeByDefaultGatewayTest.headers(refused).keySet().stream()
                .noneMatch(n -> n.startsWith("access-control-allow")), refused.text());
    }

    @Test
    void answersGrantOnlyAnAllowedOrigin() throws Exception {
        String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        RawHttp.Answer allowed = SafeByDefaultGatewayTest.post(root.getPort(), "/v1/chat/completions",
                "localhost:" + root.getPort(), chat, "Origin: " + APP);
        assertEquals(200, allowed.status(), allowed.text());
        Map<String, String> h = SafeByDefaultGatewayTest.headers(allowed);
        assertEquals(APP, h.get("access-control-allow-origin"), "the gateway's grant replaces the upstream's *");
        assertTrue(h.get("access-control-expose-headers").contains("x-headroom-tokens-saved"), allowed.text());

        for (String origin : new String[] {"Origin: https://evil.example", "X-No-Origin: 1"}) {
            RawHttp.Answer other = SafeByDefaultGatewayTest.post(root.getPort(), "/v1/chat/completions",
                    "localhost:" + root.getPort(), chat, origin);
            assertEquals(200, other.status(), other.text());
            assertTrue(SafeByDefaultGatewayTest.headers(other).keySet().stream()
                    .noneMatch(n -> n.startsWith("access-control-")), other.text());
        }
    }
}
