package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackCallersTest {
    @Test
    void loopbackPeersUnderLoopbackNamesAreAllowed() {
        assertTrue(LoopbackCallers.allowed("127.0.0.1", "localhost:8080"));
        assertTrue(LoopbackCallers.allowed("127.0.0.1", "127.0.0.1"));
        assertTrue(LoopbackCallers.allowed("127.0.0.2", "127.9.9.9:80"));
        assertTrue(LoopbackCallers.allowed("0:0:0:0:0:0:0:1", "[::1]:8080"));
        assertTrue(LoopbackCallers.allowed("::1", "[::1]"));
        assertTrue(LoopbackCallers.allowed("[::1]", "::1"));
        assertTrue(LoopbackCallers.allowed("::ffff:127.0.0.1", "LOCALHOST"));
    }

    @Test
    void aForeignPeerOrAForeignNameIsRefused() {
        assertFalse(LoopbackCallers.allowed("192.0.2.7", "localhost"), "a remote peer");
        assertFalse(LoopbackCallers.allowed("127.0.0.1", "evil.example"), "DNS rebinding");
        assertFalse(LoopbackCallers.allowed("127.0.0.1", "localhost.evil.example:80"));
        assertFalse(LoopbackCallers.allowed("127.0.0.1", "127.0.0.1.nip.io"));
        assertFalse(LoopbackCallers.allowed("127.0.0.1", null), "no Host at all");
        assertFalse(LoopbackCallers.allowed("127.0.0.1", " "));
        assertFalse(LoopbackCallers.allowed(null, "localhost"), "no peer address (e.g. a unix socket)");
        assertFalse(LoopbackCallers.allowed("127.0.0.1", "[::1"));
    }

    @Test
    void namesAreNeverResolved() {
        // each would resolve to loopback through DNS or the hosts file, or through InetAddress's legacy forms
        assertFalse(LoopbackCallers.isLoopbackAddress("localhost"));
        assertFalse(LoopbackCallers.isLoopbackAddress("127.1"));
        assertFalse(LoopbackCallers.isLoopbackAddress("2130706433"));
        assertFalse(LoopbackCallers.isLoopbackAddress("127.0.0.256"));
        assertFalse(LoopbackCallers.isLoopbackAddress("::1%lo"));
        assertFalse(LoopbackCallers.isLoopbackHost("localhost6"));
    }
}
