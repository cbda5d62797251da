package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.servlet.RetrieveMechanicsContract.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The filter answers the model's headroom_retrieve call with the real core loop (no scripted rounds), in a real
 * container over HTTP/1.1 and h2c: the downstream runs again with the follow-up that carries the original, and the
 * client only ever sees the model's text. A container implements {@link #start} and {@link #stop}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CoreRetrieveLoopContract {
    private final Map<Protocol, HttpClient> clients = new EnumMap<>(Protocol.class);
    private Headroom headroom;
    private URI base;

    /**
     * Starts the container on a random loopback port (HTTP/1.1 and h2c) with {@code filter} on {@code /*} in front
     * of {@link RetrievingModelServlet} on {@code /*}.
     */
    protected abstract URI start(HeadroomFilter filter) throws Exception;

    protected abstract void stop() throws Exception;

    @BeforeAll
    void startHost() throws Exception {
        headroom = Headroom.create(HeadroomConfig.defaults());
        base = start(new HeadroomFilter(headroom));
        clients.put(Protocol.HTTP_1_1, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // Jetty upgrades to h2c only on a request without a body: a GET first, on the connection the POSTs reuse
        HttpResponse<String> warmUp = h2c.send(HttpRequest.newBuilder(base.resolve("/warm-up")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, warmUp.version(), "h2c upgrade");
        clients.put(Protocol.H2C, h2c);
    }

    @AfterAll
    void stopHost() throws Exception {
        stop();
        headroom.close();
    }

    @BeforeEach
    void forget() {
        RetrievingModelServlet.RECEIVED.clear();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aNonStreamedCallIsAnsweredAndTheClientGetsTheText(Protocol protocol) throws Exception {
        long roundsBefore = headroom.stats().retrieveRounds();
        HttpResponse<String> r = post(protocol, false);

        assertEquals(200, r.statusCode());
        assertEquals(protocol == Protocol.H2C ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1, r.version());
        assertTrue(r.body().contains("needle present: true"), r.body());
        assertFalse(r.body().contains("headroom_retrieve"), "no call reaches the client: " + r.body());
        assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length),
                r.headers().firstValue("content-length").orElse(null));
        assertRoundTrip();
        assertEquals(roundsBefore + 1, headroom.stats().retrieveRounds(), "the round is counted (metrics)");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aStreamedCallIsAnsweredWithOneWellFormedStream(Protocol protocol) throws Exception {
        HttpResponse<String> r = post(protocol, true);

        assertEquals(200, r.statusCode());
        assertEquals(protocol == Protocol.H2C ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1, r.version());
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

    private HttpResponse<String> post(Protocol protocol, boolean stream) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(stream))).build();
        return clients.get(protocol).send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A tool output of 400 rows; the needle is the ordinary row 217, which compression drops. */
    static String chat(boolean stream) {
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
