package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4 with the default configuration, over real HTTP: {@code /v1/compress} goes through the
 * operator endpoints' access rule, every answer carries the original's security headers, and there is no CORS.
 * Remote callers are played as in {@link OperatorAccessGatewayTest}: a forwarding header from an untrusted peer
 * (it is never believed, so the client is unknown), a foreign Host, a foreign Origin.
 */
@QuarkusTest
class SafeByDefaultGatewayTest {
    static final String COMPRESS_BODY = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TestHTTPResource("/")
    URL root;

    static RawHttp.Answer post(int port, String path, String host, String body, String... headers) throws IOException {
        StringBuilder r = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        r.append("Connection: close\r\n\r\n").append(body);
        return RawHttp.exchange(port, r.toString());
    }

    @Test
    void compressFollowsTheOperatorRule() throws Exception {
        int port = root.getPort();
        RawHttp.Answer local = post(port, "/v1/compress", "localhost:" + port, COMPRESS_BODY);
        assertEquals(200, local.status(), local.text());

        for (RawHttp.Answer refused : new RawHttp.Answer[] {
                post(port, "/v1/compress", "localhost:" + port, COMPRESS_BODY, "X-Forwarded-For: 203.0.113.7"),
                post(port, "/v1/compress", "evil.example", COMPRESS_BODY),
                post(port, "/v1/compress", "localhost:" + port, COMPRESS_BODY, "Origin: http://evil.example")}) {
            assertEquals(403, refused.status(), refused.text());
            assertTrue(refused.text().contains("\"forbidden\""), refused.text());
            assertFalse(refused.text().contains("tokens_before"), "nothing compressed or stored: " + refused.text());
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        int port = root.getPort();
        for (RawHttp.Answer a : new RawHttp.Answer[] {
                RawHttp.get(port, "/health", "localhost:" + port),
                RawHttp.get(port, "/stats", "evil.example"), // refused by the operator rule
                post(port, "/v1/compress", "localhost:" + port, "{not json")}) {
            Map<String, String> headers = headers(a);
            assertEquals("nosniff", headers.get("x-content-type-options"), a.text());
            assertEquals("DENY", headers.get("x-frame-options"), a.text());
            assertEquals("no-referrer", headers.get("referrer-policy"), a.text());
            assertEquals("max-age=31536000; includeSubDomains", headers.get("strict-transport-security"), a.text());
        }
    }

    @Test
    void noCorsUnlessConfigured() throws Exception {
        int port = root.getPort();
        RawHttp.Answer simple = RawHttp.get(port, "/health", "localhost:" + port, "Origin: http://localhost:3000");
        assertEquals(200, simple.status());
        RawHttp.Answer preflight = RawHttp.exchange(port, "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: localhost:"
                + port + "\r\nOrigin: http://localhost:3000\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type, authorization\r\nConnection: close\r\n\r\n");
        for (RawHttp.Answer a : new RawHttp.Answer[] {simple, preflight}) {
            assertTrue(headers(a).keySet().stream().noneMatch(n -> n.startsWith("access-control-")), a.text());
        }
    }

    /** The answer's header fields by lower-case name (the last of repeated names). */
    static Map<String, String> headers(RawHttp.Answer a) {
        Map<String, String> out = new java.util.TreeMap<>();
        String head = a.text().substring(0, Math.max(0, a.text().indexOf("\r\n\r\n")));
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("HTTP/")) {
                out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return out;
    }
}
