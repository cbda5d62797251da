package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static AdminAccess withToken(String token) {
        return new AdminAccess(false, Optional.ofNullable(token),
                new ClientAddress(List.of(), ForwardingHeader.X_FORWARDED_FOR), new OperatorHosts(List.of(), List.of()));
    }

    @Test
    void theAdminTokenOpensTheEndpointsOnlyWhenConfiguredAndEqual() {
        assertFalse(withToken(null).presentsToken("anything"));
        assertFalse(withToken("  ").presentsToken("  "), "a blank token is no token");
        AdminAccess access = withToken("s3cret-admin");
        assertTrue(access.presentsToken("s3cret-admin"));
        assertFalse(access.presentsToken("s3cret-admi"));
        assertFalse(access.presentsToken("s3cret-admin "));
        assertFalse(access.presentsToken(null));
    }

    @Test
    void operatorPathsCoverEverySubPathButNoLookAlike() {
        for (String p : new String[] {"/v1/compress", "/v1/retrieve", "/v1/retrieve/stats", "/v1/retrieve/abc",
                "/stats", "/stats-history", "/mcp", "/metrics"}) {
            assertTrue(AdminAccess.isOperatorPath(p), p);
        }
        for (String p : new String[] {"/v1/retrieved", "/statsx", "/health", "/v1/compressed", "/v1/chat/completions"}) {
            assertFalse(AdminAccess.isOperatorPath(p), p);
        }
    }

    @Test
    void withoutTrustedProxiesThePeerDecidesAndARelayedRequestHasNoClient() {
        ClientAddress none = new ClientAddress(List.of(), ForwardingHeader.X_FORWARDED_FOR);
        assertEquals(Optional.of(ip("127.0.0.1")), none.resolve("127.0.0.1", headers(Map.of())));
        assertEquals(Optional.of(ip("10.0.0.5")), none.resolve("10.0.0.5", headers(Map.of())));
        for (String name : ForwardingHeader.ALL_NAMES) {
            assertEquals(Optional.empty(), none.resolve("127.0.0.1", headers(Map.of(name, List.of("127.0.0.1")))), name);
        }
        assertEquals(Optional.empty(), none.resolve(null, headers(Map.of())), "unix socket / unknown peer");
        assertEquals(Optional.empty(), none.resolve("/tmp/x.sock", headers(Map.of())));
    }

    @Test
    void forwardedIsWalkedFromTheRight() {
        ClientAddress fwd = new ClientAddress(List.of(AddressRange.parse("10.0.0.0/8")), ForwardingHeader.FORWARDED);
        assertEquals(Optional.of(ip("203.0.113.9")), fwd.resolve("10.1.2.3", headers(Map.of("Forwarded",
                List.of("for=127.0.0.1;proto=http, for=\"203.0.113.9:4711\";by=10.1.2.3, for=10.9.9.9")))));
        assertEquals(Optional.of(ip("2001:db8::7")), fwd.resolve("10.1.2.3", headers(Map.of("Forwarded",
                List.of("for=\"[2001:db8::7]:80\"")))));
        assertEquals(Optional.empty(), fwd.resolve("10.1.2.3", headers(Map.of("Forwarded", List.of("for=_hidden")))));
        assertEquals(Optional.empty(), fwd.resolve("10.1.2.3", headers(Map.of("Forwarded", List.of("proto=https")))));
        assertEquals(Optional.of(ip("10.1.2.3")), fwd.resolve("10.1.2.3", headers(Map.of())));
    }

    @Test
    void xRealIpAndIpv6Proxies() {
        ClientAddress real = new ClientAddress(List.of(AddressRange.parse("fd00::/8"), AddressRange.parse("::1")),
                ForwardingHeader.X_REAL_IP);
        assertEquals(Optional.of(ip("198.51.100.4")), real.resolve("fd12::1",
                headers(Map.of("X-Real-IP", List.of("198.51.100.4")))));
        assertEquals(Optional.of(ip("127.0.0.1")), real.resolve("0:0:0:0:0:0:0:1",
                headers(Map.of("X-Real-IP", List.of("127.0.0.1")))));
        assertEquals(Optional.empty(), real.resolve("fd12::1", headers(Map.of("X-Real-IP", List.of("localhost")))),
                "names are never resolved");
    }

    @Test
    void addressRanges() {
        AddressRange net = AddressRange.parse("192.168.0.0/16");
        assertTrue(net.contains(ip("192.168.44.1")));
        assertFalse(net.contains(ip("192.169.0.1")));
        assertTrue(net.contains(ip("::ffff:192.168.1.1")), "IPv4-mapped");
        assertTrue(AddressRange.parse("10.0.0.0/9").contains(ip("10.127.255.255")));
        assertFalse(AddressRange.parse("10.0.0.0/9").contains(ip("10.128.0.0")));
        assertTrue(AddressRange.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        for (String bad : new String[] {"gateway.internal", "10.0.0.0/33", "10.0.0.0/x", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
        }
    }

    @Test
    void hostsAndOrigins() {
        OperatorHosts hosts = new OperatorHosts(List.of("Gateway.Internal"), List.of("https://dash.internal/"));
        for (String h : new String[] {"localhost", "localhost:8787", "127.0.0.1:8787", "127.3.4.5", "[::1]:8787",
                "gateway.internal:443"}) {
            assertTrue(hosts.hostAllowed(h), h);
        }
        for (String h : new String[] {null, "", "evil.example", "localhost.evil.example", "10.0.0.1", "[fe80::1]"}) {
            assertFalse(hosts.hostAllowed(h), String.valueOf(h));
        }
        assertTrue(hosts.originAllowed(null));
        assertTrue(hosts.originAllowed("http://localhost:3000"));
        assertTrue(hosts.originAllowed("http://[::1]:3000"));
        assertTrue(hosts.originAllowed("https://dash.internal"));
        assertFalse(hosts.originAllowed("http://dash.internal"), "scheme is part of an origin");
        assertFalse(hosts.originAllowed("null"));
        assertFalse(hosts.originAllowed("https://gateway.internal"), "an allowed Host is no allowed Origin");
    }

    @Test
    void startUpWarnings() {
        assertEquals(List.of(), ExposureWarnings.of("127.0.0.1", false, false, false, false, true));
        assertEquals(List.of(), ExposureWarnings.of("localhost", true, false, false, false, true));
        assertEquals(List.of(), ExposureWarnings.of("::1", true, false, false, false, true));
        assertEquals(1, ExposureWarnings.of("0.0.0.0", false, false, false, false, true).size());
        assertEquals(0, ExposureWarnings.of("0.0.0.0", false, true, false, false, true).size());
        List<String> open = ExposureWarnings.of("0.0.0.0", true, true, false, false, true);
        assertEquals(1, open.size());
        assertTrue(open.get(0).contains("allow-remote"), open.get(0));
        assertEquals(2, ExposureWarnings.of("127.0.0.1", false, false, true, true, true).size());
    }

    @Test
    void aNonLoopbackBindWithoutAProxyTokenWarnsLikeTheOriginal() {
        List<String> open = ExposureWarnings.of("0.0.0.0", false, true, false, false, false);
        assertEquals(1, open.size());
        assertTrue(open.get(0).contains("event=proxy_open_bind") && open.get(0).contains("HEADROOM_PROXY_TOKEN"),
                open.get(0));
        assertEquals(List.of(), ExposureWarnings.of("127.0.0.1", false, false, false, false, false));
    }

    private static java.util.function.Function<String, List<String>> headers(Map<String, List<String>> h) {
        return name -> h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal.contains(":") ? "[" + literal + "]" : literal).orElseThrow();
    }
}
