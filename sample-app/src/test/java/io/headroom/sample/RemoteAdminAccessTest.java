package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoints seen from a real non-loopback peer: the gateway listens on all interfaces and
 * the test connects through this machine's own non-loopback address, so the peer address is not
 * 127.0.0.1. Without the token: 403 forbidden JSON; with the configured token: served.
 */
@QuarkusTest
@TestProfile(RemoteAdminAccessTest.AllInterfacesWithToken.class)
class RemoteAdminAccessTest {
    static final String TOKEN = "admin-token-for-tests";

    public static class AllInterfacesWithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0", "headroom.admin.token", TOKEN);
        }
    }

    @TestHTTPResource("/")
    URL root;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void remoteCallersNeedTheAdminToken() throws Exception {
        String host = nonLoopbackAddress();
        // a machine with only a loopback interface cannot play a remote caller; AdminAccessTest covers the rules
        Assumptions.assumeTrue(host != null, "no non-loopback IPv4 interface on this machine");
        int port = root.getPort();
        URI stats = URI.create("http://" + host + ":" + port + "/v1/retrieve/stats");

        HttpResponse<String> denied = client.send(HttpRequest.newBuilder(stats).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("\"forbidden\""), denied.body());

        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(stats)
                .header(AdminAccess.TOKEN_HEADER, TOKEN + "x").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());

        HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(stats)
                .header(AdminAccess.TOKEN_HEADER, TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, allowed.statusCode(), allowed.body());
    }

    /** An IPv4 address of an up, non-loopback interface of this machine, or null when there is none. */
    private static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        return null;
    }
}
