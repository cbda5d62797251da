package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 with the default configuration (no trusted proxies): forged forwarding headers, Host and
 * Origin over real HTTP from loopback. A reverse proxy on this machine makes every client a loopback peer,
 * so a relayed request (it carries a forwarding header) is no loopback client; a DNS-rebinding page sends
 * its own name as Host and Origin, so neither is accepted.
 */
@QuarkusTest
class OperatorAccessGatewayTest {
    private static final String[] OPERATOR_GETS = {"/stats", "/stats-history", "/v1/retrieve/stats", "/metrics"};

    @TestHTTPResource("/")
    URL root;

    private int port() {
        return root.getPort();
    }

    @Test
    void aLoopbackClientWithALoopbackHostIsServed() throws Exception {
        for (String path : OPERATOR_GETS) {
            assertEquals(200, RawHttp.get(port(), path, "localhost:" + port()).status(), path);
            assertEquals(200, RawHttp.get(port(), path, "127.0.0.1:" + port()).status(), path);
            assertEquals(200, RawHttp.get(port(), path, "[::1]:" + port()).status(), path);
        }
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerMarkTheClientUnknown() throws Exception {
        String[] forged = {"X-Forwarded-For: 127.0.0.1", "X-Forwarded-For: 127.0.0.1, 203.0.113.9",
                "Forwarded: for=127.0.0.1", "Forwarded: for=\"[::1]\"", "X-Real-IP: 127.0.0.1"};
        for (String path : OPERATOR_GETS) {
            for (String header : forged) {
                RawHttp.Answer a = RawHttp.get(port(), path, "localhost:" + port(), header);
                assertEquals(403, a.status(), path + " with " + header);
                assertTrue(a.text().contains("\"forbidden\""), a.text());
                assertTrue(a.text().contains("application/json"), a.text());
            }
        }
    }

    @Test
    void aForeignHostIsRefusedEvenFromLoopback() throws Exception {
        for (String path : OPERATOR_GETS) {
            for (String host : new String[] {"evil.example", "evil.example:" + port(), "127.0.0.1.evil.example",
                    "localhost.evil.example", "10.0.0.5"}) {
                assertEquals(403, RawHttp.get(port(), path, host).status(), path + " Host " + host);
            }
        }
        // the LLM routes and /health are no operator endpoints: any Host
        assertEquals(200, RawHttp.get(port(), "/health", "evil.example").status());
    }

    @Test
    void anOriginEqualToTheHostIsNotEnough() throws Exception {
        for (String path : OPERATOR_GETS) {
            assertEquals(403, RawHttp.get(port(), path, "evil.example:" + port(),
                    "Origin: http://evil.example:" + port()).status(), path);
            assertEquals(403, RawHttp.get(port(), path, "localhost:" + port(),
                    "Origin: http://evil.example").status(), path);
            assertEquals(403, RawHttp.get(port(), path, "localhost:" + port(), "Origin: null").status(), path);
            assertEquals(200, RawHttp.get(port(), path, "localhost:" + port(),
                    "Origin: http://localhost:3000").status(), path);
        }
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        RawHttp.Answer rebound = RawHttp.exchange(port(), "POST /mcp HTTP/1.1\r\nHost: evil.example:" + port()
                + "\r\nOrigin: http://evil.example:" + port() + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + initialize.length()
                + "\r\nConnection: close\r\n\r\n" + initialize);
        assertEquals(403, rebound.status(), rebound.text());
    }

    @Test
    void aProxyProtocolPreambleIsNotBelieved() throws Exception {
        // PROXY protocol is off: the preamble is no valid request line, so nothing behind it is served
        RawHttp.Answer a = RawHttp.exchange(port(), "PROXY TCP4 127.0.0.1 127.0.0.1 40000 " + port() + "\r\n"
                + "GET /stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertNotEquals(200, a.status(), a.text());
        assertTrue(!a.text().contains("\"requests\""), "the stats must not be served: " + a.text());
    }
}
