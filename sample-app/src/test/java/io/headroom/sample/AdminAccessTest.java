package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.SocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    @Test
    void onlyLoopbackPeersCount() {
        assertTrue(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "127.0.0.1")));
        assertTrue(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "127.8.9.10")));
        assertTrue(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "0:0:0:0:0:0:0:1")));
        assertFalse(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "10.0.0.5")));
        assertFalse(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "192.168.1.20")));
        assertFalse(AdminAccess.isLoopback(SocketAddress.inetSocketAddress(5000, "fe80::1")));
        assertFalse(AdminAccess.isLoopback(SocketAddress.domainSocketAddress("/tmp/x.sock")));
        assertFalse(AdminAccess.isLoopback(null));
    }

    @Test
    void theAdminTokenOpensTheEndpointsOnlyWhenConfiguredAndEqual() {
        AdminAccess none = new AdminAccess(false, Optional.empty());
        assertFalse(none.presentsToken("anything"));
        assertFalse(new AdminAccess(false, Optional.of("  ")).presentsToken("  "), "a blank token is no token");
        AdminAccess withToken = new AdminAccess(false, Optional.of("s3cret-admin"));
        assertTrue(withToken.presentsToken("s3cret-admin"));
        assertFalse(withToken.presentsToken("s3cret-admi"));
        assertFalse(withToken.presentsToken("s3cret-admin "));
        assertFalse(withToken.presentsToken(null));
    }
}
