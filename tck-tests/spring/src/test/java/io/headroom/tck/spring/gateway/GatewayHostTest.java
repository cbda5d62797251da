package io.headroom.tck.spring.gateway;

import static io.headroom.tck.spring.Downstream.assertCompressed;
import static io.headroom.tck.spring.Downstream.assertStreamedAsSent;
import static io.headroom.tck.spring.Downstream.assertUntouched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.headroom.LlmRequests;
import io.headroom.tck.spring.Downstream;
import io.headroom.tck.spring.ReceivedRequest;
import io.headroom.tck.spring.RunningApp;
import io.headroom.tck.spring.TestClient;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Headroom in an existing Spring Cloud Gateway Server MVC gateway: the upstream LLM provider receives the
 * compressed body.
 */
@Tag("gateway")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayHostTest {
    private static final String CHAT = "/v1/chat/completions";

    private StubUpstream upstream;
    private RunningApp gateway;
    private TestClient http11;
    private TestClient h2c;

    @BeforeAll
    void start() throws Exception {
        upstream = StubUpstream.start();
        gateway = RunningApp.start(LlmGatewayApplication.class, "llm.upstream=" + upstream.uri());
        http11 = new TestClient(gateway.baseUri(), HttpClient.Version.HTTP_1_1);
        h2c = new TestClient(gateway.baseUri(), HttpClient.Version.HTTP_2);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void upstreamReceivesTheCompressedBody() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        ReceivedRequest received = assertCompressed(http11.post(CHAT, original), original);
        assertEquals(CHAT, received.path());
    }

    @Test
    void upstreamReceivesTheCompressedBodyOverH2c() throws Exception {
        assertEquals(HttpClient.Version.HTTP_2, h2c.get(CHAT).version(), "the h2c upgrade was refused");
        byte[] original = LlmRequests.openAiChat();
        HttpResponse<byte[]> response = h2c.post(CHAT, original);
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertCompressed(response, original);
    }

    @Test
    void gzipBodyReachesTheUpstreamDecodedAndCompressed() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        ReceivedRequest received = assertCompressed(
                http11.post(CHAT, TestClient.gzip(original), "Content-Encoding", "gzip"), original);
        assertNull(received.contentEncoding());
    }

    @Test
    void bypassedRequestReachesTheUpstreamAsSent() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertUntouched(http11.post(CHAT, original, "x-headroom-bypass", "true"), original);
    }

    @Test
    void otherRequestsPassThroughTheGatewayUntouched() throws Exception {
        HttpResponse<byte[]> response = http11.get("/v1/models");
        assertEquals(200, response.statusCode());
        assertNull(Downstream.header(response, Downstream.COMPRESSED));
        assertEquals("GET", ReceivedRequest.fromJson(response.body()).method());
    }

    @Test
    void eventStreamIsNotBuffered() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertStreamedAsSent(http11.postForEvents(CHAT, original), original);
    }
}
