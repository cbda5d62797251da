package io.headroom.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SoakPartsTest {
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void contentHashIsTheCcrKeyOfTheOriginal() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf8f01cfea414140de", HashAudit.contentHash("abc"));
    }

    @Test
    void rssLineParsesToKilobytes() {
        assertEquals(123456, MemorySampler.parseKb("VmRSS:\t  123456 kB"));
        assertEquals(-1, MemorySampler.parseKb("VmRSS:"));
    }

    @Test
    void optionsDefaultToTheAcceptanceRunAndRejectUnknownFlags() {
        SoakOptions o = SoakOptions.parse(new String[0], Path.of("out"));
        assertEquals(10, o.minutes());
        assertEquals(32, o.connections());
        assertEquals(0.05, o.hostileShare());
        assertEquals(512, o.xmxMb());
        SoakOptions shortRun = SoakOptions.parse(new String[] {"--minutes", "1", "--quiet-seconds", "20",
                "--gateway-prop", "a.b=c=d", "--no-kill"}, Path.of("out"));
        assertEquals(20, shortRun.quietSeconds());
        assertEquals("c=d", shortRun.gatewayProperties().get("a.b"));
        assertEquals(false, shortRun.kill());
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] {"--minuets", "1"}, Path.of("o")));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] {"--minutes", "x"}, Path.of("o")));
    }

    @Test
    void stubAnswersInTheProvidersShapeWithTheHashesItSaw() {
        assertEquals("{\"id\":\"a-1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1},\"soak_hashes\":[\"h1\",\"h2\"]}",
                StubUpstream.answer("/v1/messages", "a-1", new java.util.LinkedHashSet<>(java.util.List.of("h1", "h2"))));
        assertEquals(true, StubUpstream.answer("/v1/chat/completions", "x", Set.of()).contains("\"soak_hashes\":[]"));
    }

    @Test
    void aSilentServerIsHeldOpenAClosingOneClosedAnAnsweringOneAnswered() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Thread acceptor = new Thread(() -> serve(server));
            acceptor.setDaemon(true);
            acceptor.start();
            assertEquals("answered-413", exchange(target, "/answer"));
            assertEquals("closed-by-gateway", exchange(target, "/close"));
            assertEquals("held-open", exchange(target, "/silent"));
        }
    }

    private String exchange(InetSocketAddress target, String path) {
        try (RawConnection c = RawConnection.open(null, target, 1_500, timer)) {
            c.write(RawConnection.head("POST", path, "Host: x", "Content-Length: 100"));
            return c.awaitAnswer().label();
        }
    }

    /** Reads the request line, then answers, closes or stays silent as the path says. */
    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                InputStream in = s.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                    line.append((char) c);
                }
                String request = line.toString();
                if (request.contains("/answer")) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 413 Payload Too Large\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.close();
                } else if (request.contains("/close")) {
                    s.close();
                } // silent: keep the socket open and unanswered
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
