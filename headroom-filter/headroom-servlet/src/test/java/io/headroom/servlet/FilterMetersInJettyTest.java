package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The filter's meters in a real Jetty 12: a filter built from init-params registers them with Micrometer's global
 * registry (unless told not to), and {@link HeadroomFilter#bindTo} with any registry.
 */
class FilterMetersInJettyTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final Server server = new Server();
    private final SimpleMeterRegistry global = new SimpleMeterRegistry();
    private Headroom programmatic;

    /**
     * Every filter built from init-params in this JVM (other test classes' too) registered its meters with the
     * process-wide global registry; start from none, so the counts below are this test's alone.
     */
    @org.junit.jupiter.api.BeforeEach
    void forgetOtherTestsMeters() {
        Metrics.globalRegistry.clear();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        Metrics.globalRegistry.remove(global);
        global.close();
        if (programmatic != null) {
            programmatic.close();
        }
    }

    @Test
    void aFilterBuiltFromInitParamsCountsInTheGlobalRegistryAndAnOptedOutOneDoesNot() throws Exception {
        Metrics.addRegistry(global);
        FilterHolder counted = new FilterHolder(HeadroomFilter.class);
        counted.setInitParameters(Map.of("mode", "optimize"));
        FilterHolder optedOut = new FilterHolder(HeadroomFilter.class);
        optedOut.setInitParameters(Map.of("mode", "audit", GlobalMeters.INIT_PARAM, "false"));
        URI base = start(Map.of("/counted/*", counted, "/quiet/*", optedOut));

        assertEquals("true", post(base.resolve("/counted/v1/chat/completions"), false).headers()
                .firstValue("x-headroom-compressed").orElse(null));
        post(base.resolve("/counted/v1/chat/completions"), true);
        post(base.resolve("/quiet/v1/chat/completions"), false);

        assertEquals(1, global.get("headroom.requests").tag("mode", "optimize").counter().count());
        assertEquals(0, global.get("headroom.requests").tag("mode", "audit").counter().count(),
                "the opted-out filter's requests are not counted");
        assertTrue(global.get("headroom.tokens.saved").counter().count() > 0);
        assertEquals(1, global.get("headroom.requests.passed").tag("reason", "bypass").functionCounter().count());
    }

    @Test
    void bindToRegistersWithTheGivenRegistry() throws Exception {
        programmatic = Headroom.create(HeadroomConfig.defaults());
        HeadroomFilter filter = new HeadroomFilter(programmatic);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FilterMeters.of(filter).bindTo(registry);
        URI base = start(Map.of("/api/*", new FilterHolder(filter)));

        post(base.resolve("/api/v1/chat/completions"), false);

        assertEquals(1, registry.get("headroom.requests.compressed").counter().count());
        assertTrue(registry.get("headroom.ccr.stored").functionCounter().count() > 0);
    }

    private URI start(Map<String, FilterHolder> filters) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        filters.forEach((path, holder) -> context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST)));
        context.addServlet(new ServletHolder("echo", HeadroomFilterInJettyTest.EchoServlet.class), "/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    private static HttpResponse<byte[]> post(URI uri, boolean bypass) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()));
        if (bypass) {
            request.header("x-headroom-bypass", "true");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
