package io.headroom.tck;

import io.headroom.conformance.ConformanceClient;
import io.headroom.conformance.LlmRequests;
import io.headroom.conformance.Protocol;
import io.headroom.conformance.downstream.RelayServlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressionListener;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.servlet.HeadroomFilter;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The servlet filter's fail-open path in real Jetty logs no credentials and no request content. The
 * Headroom behind the filter is given a listener that fails with the request's own bytes in its
 * message: a RuntimeException and an AssertionError. The core contains both (one WARN naming the error
 * class, never its message) and the request still goes on compressed. Everything SLF4J
 * (slf4j-simple, i.e. System.err) and System.out print meanwhile is captured and searched.
 */
class JettyFailOpenLoggingTest {
    private static final String AUTH_SECRET = "sk-SECRETAUTH-5e1d9a";
    private static final String XKEY_SECRET = "sk-ant-SECRETXKEY-8c2b";
    private static final String BODY_SECRET = "sk-SECRETBODY-3f7a";
    private static final String CONTENT = "CONTENTNEEDLE-b6e0";

    private static byte[] requestWithSecrets() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = (ObjectNode) json.readTree(LlmRequests.openAiChat());
        request.put("api_key", BODY_SECRET);
        request.withArray("messages").addObject().put("role", "user").put("content", CONTENT + " " + BODY_SECRET);
        return json.writeValueAsBytes(request);
    }

    private record Captured(String output, List<ConformanceClient.Exchange> exchanges) {
    }

    private static Captured run(CompressionListener listener, byte[] body) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Server server = new Server();
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults(), listener)) {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.addFilter(new FilterHolder(new HeadroomFilter(headroom)), "/api/*",
                    EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder("downstream", RelayServlet.class), "/*");
            server.setHandler(context);
            server.start();
            ConformanceClient client = new ConformanceClient(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
            System.setOut(tee);
            System.setErr(tee);
            List<ConformanceClient.Exchange> exchanges = List.of(
                    client.post(Protocol.HTTP_1_1, "/api/v1/chat/completions", body, "application/json", "Authorization", "Bearer " + AUTH_SECRET),
                    client.postChunked(Protocol.HTTP_1_1, "/api/v1/chat/completions", body, "application/json", "x-api-key", XKEY_SECRET));
            return new Captured(captured.toString(StandardCharsets.UTF_8), exchanges);
        } finally {
            System.setOut(out);
            System.setErr(err);
            server.stop();
        }
    }

    private static void assertClean(String output) {
        for (String secret : List.of(AUTH_SECRET, XKEY_SECRET, BODY_SECRET, "SECRET", CONTENT)) {
            assertFalse(output.contains(secret), "logged: " + secret + " in\n" + output);
        }
    }

    @Test
    void errorThrownByAListenerIsContainedWithoutLeaking() throws Exception {
        byte[] body = requestWithSecrets();
        Captured c = run((endpoint, mode, outcome, nanos) -> {
            throw new AssertionError("listener saw " + new String(outcome.body(), StandardCharsets.UTF_8));
        }, body);
        for (ConformanceClient.Exchange e : c.exchanges()) {
            assertEquals(200, e.status());
            assertEquals("true", e.header("x-headroom-compressed"), "an Error in a listener does not undo the rewrite");
            assertTrue(e.received().body().length < body.length, "the compressed body went on");
        }
        assertTrue(c.output().contains("compression listener failed"), "the core's WARN was captured:\n" + c.output());
        assertTrue(c.output().contains("java.lang.AssertionError"), c.output());
        assertClean(c.output());
    }

    @Test
    void failingListenerIsLoggedWithoutContent() throws Exception {
        byte[] body = requestWithSecrets();
        Captured c = run((endpoint, mode, outcome, nanos) -> {
            throw new IllegalStateException("listener saw " + new String(outcome.body(), StandardCharsets.UTF_8));
        }, body);
        for (ConformanceClient.Exchange e : c.exchanges()) {
            assertEquals(200, e.status());
            assertEquals("true", e.header("x-headroom-compressed"), "the request itself was compressed");
        }
        assertTrue(c.output().contains("compression listener failed"), "the core's WARN was captured:\n" + c.output());
        assertClean(c.output());
    }
}
