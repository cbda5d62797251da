package io.headroom.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ccr.redis.RedisServerProcess;
import io.headroom.conformance.LlmRequests;
import io.headroom.servlet.HeadroomFilter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The servlet filter in real Jetty 12 configured for the redis CCR backend by init-params only
 * ({@code ccr.backend}, {@code ccr.redis.url}, {@code ccr.redis.key-prefix}), as a web.xml user does: the original
 * of what it compresses is in a real redis-server at {@code {prefix}:{hash}}; with no Redis at the URL the filter
 * refuses to start, naming the URL.
 */
class JettyRedisBackendTest {
    private static final Pattern MARKER_HASH = Pattern.compile("hash=([0-9a-f]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the application behind the filter does here: answers with the body it read (as plain text). */
    public static class EchoServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = req.getInputStream().readAllBytes();
            resp.setContentType("text/plain");
            resp.getOutputStream().write(body);
        }
    }

    private static Server jetty(Map<String, String> initParams) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder filter = new FilterHolder(HeadroomFilter.class);
        filter.setInitParameters(initParams);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("echo", EchoServlet.class), "/*");
        server.setHandler(context);
        return server;
    }

    @Test
    void originalsGoToTheRedisNamedByInitParams() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started()) {
            Server server = jetty(Map.of("ccr.backend", "redis", "ccr.redis.url", redis.url(),
                    "ccr.redis.key-prefix", "servlet-ccr"));
            server.start();
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                byte[] request = LlmRequests.openAiChat();
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertEquals(200, r.statusCode());
                assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
                Matcher m = MARKER_HASH.matcher(r.body());
                assertTrue(m.find(), "the application read a marker: " + r.body());
                assertEquals(toolOutput(request), c.sync().get("servlet-ccr:" + m.group(1)),
                        "the original's bytes in Redis at {prefix}:{hash}");
            } finally {
                client.shutdown();
                server.stop();
            }
        }
    }

    @Test
    void noRedisAtTheUrlFailsTheFilterNamingTheUrl() throws Exception {
        String url = "redis://127.0.0.1:" + freePort();
        Server server = jetty(Map.of("ccr.backend", "redis", "ccr.redis.url", url, "ccr.redis.connect-timeout-ms", "1000"));
        try {
            Exception e = assertThrows(Exception.class, server::start);
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains(url), messages.toString());
        } finally {
            server.stop();
        }
    }

    private static String toolOutput(byte[] request) throws IOException {
        for (JsonNode m : JSON.readTree(request).get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                return m.get("content").asText();
            }
        }
        throw new AssertionError("no tool message");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
