package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.host.OcrEngineStatus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: {@code /livez}, {@code /readyz} and {@code /health} in the original's shapes and status codes, over
 * real HTTP. The upstream check is off in the test profile ({@code %test.headroom.health.upstream-check=false});
 * {@link UpstreamCheckGatewayTest} turns it on.
 */
@QuarkusTest
class HealthEndpointsGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private JsonNode json(RawHttp.Answer a) throws Exception {
        return mapper.readTree(a.text().substring(a.text().indexOf("\r\n\r\n") + 4));
    }

    @Test
    void livezHasTheOriginalsFields() throws Exception {
        RawHttp.Answer a = RawHttp.get(root.getPort(), "/livez", "gateway.example");
        assertEquals(200, a.status(), a.text());
        JsonNode body = json(a);
        assertEquals("headroom-proxy", body.path("service").asText());
        assertEquals("healthy", body.path("status").asText());
        assertTrue(body.path("alive").asBoolean(false), a.text());
        assertTrue(body.path("version").isTextual(), a.text());
        assertTrue(body.path("uptime_seconds").isNumber(), a.text());
        Instant.parse(body.path("timestamp").asText()); // ISO-8601 UTC, like the original's
    }

    @Test
    void healthzAnswersLikeTheOriginalsRustProxy() throws Exception {
        RawHttp.Answer a = RawHttp.get(root.getPort(), "/healthz", "gateway.example");
        assertEquals(200, a.status(), a.text());
        JsonNode body = json(a);
        assertTrue(body.path("ok").asBoolean(false), a.text());
        assertEquals("headroom-proxy", body.path("service").asText());
    }

    @Test
    void readyzIsReadyOnceWarmWithItsChecks() throws Exception {
        RawHttp.Answer a = RawHttp.get(root.getPort(), "/readyz", "gateway.example");
        assertEquals(200, a.status(), a.text());
        JsonNode body = json(a);
        assertEquals("headroom-proxy", body.path("service").asText());
        assertEquals("healthy", body.path("status").asText());
        assertTrue(body.path("ready").asBoolean(false), a.text());
        JsonNode startup = body.path("checks").path("startup");
        assertTrue(startup.path("enabled").asBoolean(false) && startup.path("ready").asBoolean(false), a.text());
        assertEquals("healthy", startup.path("status").asText());
        JsonNode upstream = body.path("checks").path("upstream");
        assertEquals("disabled", upstream.path("status").asText(), a.text());
        assertTrue(upstream.path("ready").asBoolean(false), "a disabled check is ready: " + a.text());
        assertTrue(body.path("config").isMissingNode(), "/readyz never carries the config block: " + a.text());
    }

    @Test
    void healthCarriesTheConfigBlockForLoopbackCallersOnly() throws Exception {
        RawHttp.Answer local = RawHttp.get(root.getPort(), "/health", "localhost:" + root.getPort());
        assertEquals(200, local.status(), local.text());
        JsonNode body = json(local);
        assertEquals("healthy", body.path("status").asText());
        assertTrue(body.path("ready").asBoolean(false), local.text());
        assertTrue(body.path("checks").path("startup").isObject(), local.text());
        JsonNode config = body.path("config");
        assertTrue(config.path("optimize").asBoolean(false), local.text()); // read by the TypeScript SDK
        assertFalse(config.path("cache").asBoolean(true), local.text());
        assertFalse(config.path("rate_limit").asBoolean(true), local.text());
        assertTrue(config.path("anthropic_api_url").isTextual(), local.text());

        // a caller relayed by an untrusted peer (X-Forwarded-For is not believed) and a foreign Host
        for (RawHttp.Answer remote : new RawHttp.Answer[] {
                RawHttp.get(root.getPort(), "/health", "localhost:" + root.getPort(), "X-Forwarded-For: 203.0.113.7"),
                RawHttp.get(root.getPort(), "/health", "gateway.example")}) {
            assertEquals(200, remote.status(), remote.text());
            JsonNode r = json(remote);
            assertTrue(r.path("ready").asBoolean(false), remote.text());
            assertTrue(r.path("checks").isObject(), remote.text());
            assertTrue(r.path("config").isMissingNode(), "no targets or settings for a network caller: " + remote.text());
            assertFalse(remote.text().contains("anthropic_api_url"), remote.text());
        }
    }

    @Test
    void healthReportsTheOcrEngineFoundAtStartUp() throws Exception {
        OcrEngineStatus engine = OcrEngineStatus.detect();
        RawHttp.Answer a = RawHttp.get(root.getPort(), "/health", "gateway.example");
        assertEquals(200, a.status(), a.text());
        JsonNode ocr = json(a).path("ocr");
        assertEquals("tesseract", ocr.path("engine").asText(), a.text());
        assertEquals(engine.available(), ocr.path("available").asBoolean(!engine.available()), a.text());
        if (engine.available()) {
            assertEquals(engine.version(), ocr.path("version").asText(), a.text());
        } else {
            assertTrue(ocr.path("detail").isTextual(), "why it is off: " + a.text());
        }
        assertTrue(json(a).path("ready").asBoolean(false), "OCR is never a readiness check: " + a.text());
    }
}
