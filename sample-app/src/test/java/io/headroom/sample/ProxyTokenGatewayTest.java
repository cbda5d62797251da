package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4 with the proxy token set ({@code HEADROOM_PROXY_TOKEN}), over real HTTP: every route but the
 * probes needs it from a non-loopback caller (played by a forwarding header from an untrusted peer, which makes
 * the client unknown, and, where this machine has one, by a real non-loopback address), 401 in the route's
 * provider error shape, a WARN line without the token; loopback callers are exempt; the token never reaches the
 * upstream; the operator rule still applies after it ({@code /v1/compress} is opened by
 * {@code headroom.admin.open-paths} here, {@code /stats} is not).
 */
@QuarkusTest
@TestProfile(ProxyTokenGatewayTest.WithToken.class)
class ProxyTokenGatewayTest {
    static final String TOKEN = "proxy-token-for-tests-7f3a";
    static final String REMOTE = "203.0.113.7";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.proxy-token", TOKEN, "headroom.admin.open-paths", "/v1/compress",
                    "quarkus.http.host", "0.0.0.0");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HeaderSettingUpstream.class));
        }
    }

    @TestHTTPResource("/")
    URL root;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CredentialLoggingTest.Capture capture = new CredentialLoggingTest.Capture();

    @BeforeEach
    void attach() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void detach() {
        Logger.getLogger("").removeHandler(capture);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return sendTo("127.0.0.1", method, path, body, headers);
    }

    private HttpResponse<String> sendTo(String host, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + root.getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MESSAGES = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void remoteCallersWithoutTheTokenGet401InTheProviderShape() throws Exception {
        int before = HeaderSettingUpstream.requests;

        HttpResponse<String> openai = send("POST", "/v1/chat/completions", CHAT, "X-Forwarded-For", REMOTE,
                "Authorization", "Bearer sk-provider-key");
        assertEquals(401, openai.statusCode(), openai.body());
        JsonNode o = mapper.readTree(openai.body());
        assertEquals("authentication_error", o.path("error").path("type").asText(), openai.body());
        assertTrue(o.path("error").path("message").isTextual(), openai.body());
        assertTrue(o.path("type").isMissingNode(), "OpenAI's shape has no top-level type: " + openai.body());

        HttpResponse<String> anthropic = send("POST", "/v1/messages", MESSAGES, "X-Forwarded-For", REMOTE,
                "x-api-key", "sk-ant-provider-key");
        assertEquals(401, anthropic.statusCode(), anthropic.body());
        JsonNode a = mapper.readTree(anthropic.body());
        assertEquals("error", a.path("type").asText(), anthropic.body());
        assertEquals("authentication_error", a.path("error").path("type").asText(), anthropic.body());

        HttpResponse<String> wrong = send("POST", "/v1/chat/completions", CHAT, "X-Forwarded-For", REMOTE,
                ProxyTokenGate.TOKEN_HEADER, TOKEN + "x");
        assertEquals(401, wrong.statusCode(), wrong.body());
        for (String path : new String[] {"/stats", "/v1/retrieve/stats", "/metrics", "/v1/models", "/anything"}) {
            assertEquals(401, send("GET", path, null, "X-Forwarded-For", REMOTE).statusCode(), path);
        }
        assertEquals(401, send("POST", "/v1/compress", CHAT, "X-Forwarded-For", REMOTE).statusCode());
        assertEquals(before, HeaderSettingUpstream.requests, "nothing refused reached the upstream");

        List<CredentialLoggingTest.Capture.Line> lines = List.copyOf(capture.lines);
        assertTrue(lines.stream().anyMatch(l -> l.level().intValue() >= Level.WARNING.intValue()
                && l.text().contains("proxy token refused") && l.text().contains("/v1/messages")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.text().contains(TOKEN)), "the token is never logged");
    }

    @Test
    void probesNeedNoToken() throws Exception {
        for (String path : new String[] {"/health", "/livez", "/readyz"}) {
            HttpResponse<String> r = send("GET", path, null, "X-Forwarded-For", REMOTE);
            assertEquals(200, r.statusCode(), path + " " + r.body());
        }
    }

    @Test
    void theTokenLetsRemoteCallersInAndNeverReachesTheUpstream() throws Exception {
        HttpResponse<String> viaHeader = send("POST", "/v1/chat/completions", CHAT, "X-Forwarded-For", REMOTE,
                "Authorization", "Bearer sk-provider-key", ProxyTokenGate.TOKEN_HEADER, TOKEN);
        assertEquals(200, viaHeader.statusCode(), viaHeader.body());
        Map<String, List<String>> got = HeaderSettingUpstream.lastRequestHeaders;
        assertEquals(List.of("Bearer sk-provider-key"), got.get("authorization"), "the provider key goes on");
        assertNull(got.get(ProxyTokenGate.TOKEN_HEADER), got.toString());

        HttpResponse<String> viaBearer = send("POST", "/v1/messages", MESSAGES, "X-Forwarded-For", REMOTE,
                "Authorization", "Bearer " + TOKEN, "x-api-key", "sk-ant-provider-key");
        assertEquals(200, viaBearer.statusCode(), viaBearer.body());
        got = HeaderSettingUpstream.lastRequestHeaders;
        assertNull(got.get("authorization"), "an Authorization carrying the token is not forwarded: " + got);
        assertEquals(List.of("sk-ant-provider-key"), got.get("x-api-key"));

        // the token passes the gate; the operator rule still decides: /v1/compress is opened here, /stats is not
        HttpResponse<String> compress = send("POST", "/v1/compress", CHAT, "X-Forwarded-For", REMOTE,
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, compress.statusCode(), compress.body());
        HttpResponse<String> stats = send("GET", "/stats", null, "X-Forwarded-For", REMOTE,
                ProxyTokenGate.TOKEN_HEADER, TOKEN);
        assertEquals(403, stats.statusCode(), stats.body());
    }

    @Test
    void loopbackCallersNeedNoToken() throws Exception {
        assertEquals(200, send("POST", "/v1/chat/completions", CHAT).statusCode());
        assertEquals(200, send("GET", "/stats", null).statusCode());
        assertEquals(200, send("POST", "/v1/compress", CHAT).statusCode());
    }

    @Test
    void aRealNonLoopbackPeerNeedsTheToken() throws Exception {
        String address = nonLoopbackAddress();
        Assumptions.assumeTrue(address != null, "no non-loopback IPv4 interface on this machine");
        assertEquals(401, sendTo(address, "POST", "/v1/chat/completions", CHAT).statusCode());
        assertEquals(200, sendTo(address, "POST", "/v1/chat/completions", CHAT,
                ProxyTokenGate.TOKEN_HEADER, TOKEN).statusCode());
        assertEquals(200, sendTo(address, "GET", "/livez", null).statusCode());
    }

    @Test
    void securityHeadersFillOnlyWhatTheAnswerLacks() throws Exception {
        HttpResponse<String> forwarded = send("POST", "/v1/chat/completions", CHAT);
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        assertEquals(List.of("SAMEORIGIN"), forwarded.headers().allValues("x-frame-options"), "the upstream's own wins");
        assertEquals("nosniff", forwarded.headers().firstValue("x-content-type-options").orElse(null));
        assertEquals("no-referrer", forwarded.headers().firstValue("referrer-policy").orElse(null));
        HttpResponse<String> refused = send("GET", "/stats", null, "X-Forwarded-For", REMOTE);
        assertEquals("DENY", refused.headers().firstValue("x-frame-options").orElse(null), "a 401 has them too");
        // CORS is off in this profile: the upstream's grant is not passed on either
        assertFalse(forwarded.headers().map().keySet().stream().anyMatch(n -> n.toLowerCase().startsWith("access-control-")),
                forwarded.headers().toString());
    }

    static String nonLoopbackAddress() throws Exception {
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
