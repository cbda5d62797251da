package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A non-streamed model answer larger than max-body-bytes is not collected whole for the retrieve loop: past the
 * bound the filter relays it as it came, byte for byte, while the downstream is still writing it, and the
 * {@code headroom_retrieve} call in it is not answered (no follow-up runs the downstream again).
 */
class OversizedAnswerInJettyTest {
    /** Above the test request (about 22 KB), far below the model's answer. */
    private static final long MAX_BODY_BYTES = 32 * 1024;

    private Headroom headroom;
    private FilteredJetty jetty;

    @BeforeEach
    void start() throws Exception {
        OversizedAnswerServlet.reset();
        headroom = Headroom.create(HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(MAX_BODY_BYTES)).build());
        jetty = new FilteredJetty(Map.of("/*", new HeadroomFilter(headroom)), OversizedAnswerServlet.class);
    }

    @AfterEach
    void stop() throws Exception {
        OversizedAnswerServlet.clientReadTheStart.countDown();
        jetty.close();
        headroom.close();
    }

    @Test
    void anAnswerLargerThanTheBoundIsRelayedAsItCameWhileTheDownstreamStillWrites() throws Exception {
        URI uri = jetty.base().resolve("/v1/chat/completions");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CoreRetrieveLoopContract.chat(false))).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            body.writeBytes(in.readNBytes(1024)); // the start, while the downstream holds the rest
            OversizedAnswerServlet.clientReadTheStart.countDown();
            body.writeBytes(in.readAllBytes());
        }

        assertEquals(200, r.statusCode());
        assertTrue(OversizedAnswerServlet.RECEIVED.get(0).contains("\"headroom_retrieve\""),
                "the request offered the tool, so the loop watched the answer");
        assertEquals(Boolean.TRUE, OversizedAnswerServlet.restAfterClientRead,
                "the client read the start of the answer before the downstream wrote its rest: nothing past the "
                        + "bound was held");
        assertArrayEquals(OversizedAnswerServlet.written, body.toByteArray(), "relayed byte for byte");
        assertEquals(1, OversizedAnswerServlet.RECEIVED.size(), "the call in the oversized answer was not answered");
        assertEquals(0, headroom.stats().retrieveRounds());
    }
}
