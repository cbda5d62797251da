package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.LlmRequests;
import io.headroom.host.HeadroomHeaders;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The filter's body-reading bounds in a real Jetty 12: a sender that goes silent mid-body is cut off by the
 * connector's idle timeout and answered 408 with the JSON error body, and a body that does not fit in
 * {@code max-buffered-body-bytes} goes on unread and uncompressed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyReadBoundsInJettyTest {
    private static final int BUDGET = 2000;

    private final Server server = new Server();
    private URI base;

    @BeforeAll
    void start() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(500);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder small = new FilterHolder(HeadroomFilter.class);
        small.setInitParameters(Map.of("max-buffered-body-bytes", Integer.toString(BUDGET)));
        context.addFilter(small, "/budget/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(HeadroomFilter.class), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("echo", HeadroomFilterInJettyTest.EchoServlet.class), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void silentSenderIsAnswered408InJson() throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"model\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
            assertTrue(answer.contains("\"type\":\"request_timeout\""), answer);
        }
    }

    @Test
    void bodyThatDoesNotFitInTheBudgetGoesOnUnreadAndUncompressed() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertTrue(original.length > BUDGET, "fixture larger than the budget: " + original.length);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/budget/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(original)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("false", r.headers().firstValue(HeadroomHeaders.COMPRESSED).orElse(null));
        assertArrayEquals(original, r.body());
    }

    /** Everything the server sends until it closes the connection (or the read times out). */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.toString(StandardCharsets.UTF_8).contains("}}")) {
                    break; // the whole JSON error body arrived
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // what arrived is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
