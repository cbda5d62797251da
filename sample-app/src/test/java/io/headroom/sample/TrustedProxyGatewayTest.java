package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 behind a trusted reverse proxy (the test client plays it from 127.0.0.1), with Quarkus's
 * own proxy-address-forwarding switched on as the operator did: the right-most untrusted hop of
 * X-Forwarded-For is the client, whatever the client wrote to the left of it.
 */
@QuarkusTest
@TestProfile(TrustedProxyGatewayTest.BehindLocalProxy.class)
class TrustedProxyGatewayTest {

    public static class BehindLocalProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.trusted-proxies", "127.0.0.0/8,::1",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @TestHTTPResource("/")
    URL root;

    private int status(String... headers) throws Exception {
        return RawHttp.get(root.getPort(), "/stats", "localhost:" + root.getPort(), headers).status();
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() throws Exception {
        assertEquals(403, status("X-Forwarded-For: 127.0.0.1, 203.0.113.9"), "left-most forged loopback");
        assertEquals(403, status("X-Forwarded-For: 203.0.113.9"));
        assertEquals(403, status("X-Forwarded-For: 203.0.113.9, 127.0.0.1"), "trusted hops are skipped");
        assertEquals(403, status("X-Forwarded-For: 127.0.0.1", "X-Forwarded-For: 203.0.113.9"),
                "two header lines are one list");
        assertEquals(403, status("X-Forwarded-For: unknown"), "an unparseable hop is no client");
        assertEquals(200, status("X-Forwarded-For: 127.0.0.1"), "a client on the proxy's machine");
        assertEquals(200, status(), "the proxy's own request");
    }

    @Test
    void onlyTheConfiguredHeaderIsRead() throws Exception {
        // the proxy appends to X-Forwarded-For; a Forwarded or X-Real-IP it passes on is what the client wrote
        assertEquals(403, status("Forwarded: for=127.0.0.1", "X-Forwarded-For: 203.0.113.9"));
        assertEquals(403, status("X-Real-IP: 127.0.0.1", "X-Forwarded-For: 203.0.113.9"));
    }
}
