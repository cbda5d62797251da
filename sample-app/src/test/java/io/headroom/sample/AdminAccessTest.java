package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.SocketAddress;
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
}
