package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The filter answers the model's headroom_retrieve call with the core loop, in embedded Jetty: the downstream
 * runs again with the follow-up that carries the original, and the client only ever sees the model's text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreRetrieveLoopInJettyTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Server server;
    private Headroom headroom;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        headroom = Headroom.create(HeadroomConfig.defaults());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new HeadroomFilter(headroom)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(RetrievingModelServlet.class, "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        headroom.close();
    }

    @BeforeEach
    void forget() {
        RetrievingModelServlet.RECEIVED.clear();
    }

    @Test
    void aNonStreamedCallIsAnsweredAndTheClientGetsTheText() throws Exception {
        long roundsBefore = headroom.stats().retrieveRounds();
        HttpResponse<String> r = post(false);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("needle present: true"), r.body());
        assertFalse(r.body().contains("headroom_retrieve"), "no call reaches the client: " + r.body());
        assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length),
                r.headers().firstValue("content-length").orElse(null));
        assertRoundTrip();
        assertEquals(roundsBefore + 1, headroom.stats().retrieveRounds(), "the round is counted (metrics)");
    }

    @Test
    void aStreamedCallIsAnsweredWithOneWellFormedStream() throws Exception {
        HttpResponse<String> r = post(true);

        assertEquals(200, r.statusCode());
        String stream = r.body();
        assertFalse(stream.contains("headroom_retrieve"), stream);
        assertTrue(stream.contains("needle present: true"), stream);
        assertEquals(1, count(stream, "\"role\":\"assistant\""), "exactly one role: " + stream);
        assertEquals(1, count(stream, "data: [DONE]"), stream);
        assertTrue(stream.endsWith("data: [DONE]\n\n"), stream);
        assertRoundTrip();
    }

    /** The model first got the compressed output (needle dropped), then the original, byte for byte. */
    private void assertRoundTrip() {
        List<String> received = RetrievingModelServlet.RECEIVED;
        assertEquals(2, received.size(), "the downstream ran once per round");
        assertFalse(received.get(0).contains(RetrievingModelServlet.NEEDLE), "the first request was compressed");
        assertTrue(received.get(0).contains("\"headroom_retrieve\""), "and offered the tool");
        assertTrue(received.get(1).contains(RetrievingModelServlet.NEEDLE), "the follow-up carries the original");
    }

    private HttpResponse<String> post(boolean stream) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(stream))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A tool output of 400 rows; the needle is the ordinary row 217, which compression drops. */
    private static String chat(boolean stream) {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 400; i++) {
            if (i > 0) {
                rows.append(',');
            }
            String name = "item-" + i;
            rows.append("{\\\"id\\\":").append(i).append(",\\\"name\\\":\\\"").append(name)
                    .append("\\\",\\\"status\\\":\\\"ok\\\",\\\"size\\\":").append(100 + i % 7).append('}');
        }
        rows.append(']');
        return "{\"model\":\"gpt-4o\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"List the items.\"},{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"list_items\",\"arguments\":\"{}\"}}]},{\"role\":"
                + "\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"" + rows + "\"}]}";
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
