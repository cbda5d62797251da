package io.headroom.tck.spring.gateway;

import static io.headroom.conformance.ConformanceAssertions.COMPRESSED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.conformance.ConformanceClient;
import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.LlmRequests;
import io.headroom.conformance.Protocol;
import io.headroom.conformance.RecordingStub;
import io.headroom.tck.spring.SpringHost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The conformance contract against Headroom in an existing Spring Cloud Gateway Server MVC gateway: the
 * gateway itself is the downstream, forwarding {@code /v1/**} to the stub, which records the request
 * exactly as the gateway sent it upstream.
 */
@Tag("gateway")
class GatewayConformanceTest extends ConformanceContract {

    @Override
    protected HostUnderTest newHost() {
        // the gateway forwards a form re-encoded from Tomcat's request parameters, which Tomcat caps at 2 MB
        // unless told otherwise (see src-docs/hosts/spring-cloud-gateway.md); Headroom never reads forms
        return new SpringHost(LlmGatewayApplication.class, "llm.upstream=" + RecordingStub.uri(),
                "server.tomcat.max-http-form-post-size=-1");
    }

    /** What src-docs/hosts/spring-cloud-gateway.md tells gateway users: the provider gets each body chunked, rewritten or not. */
    @Test
    void gatewayForwardsEveryBodyChunked() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        ConformanceClient.Exchange compressed = client().post(Protocol.HTTP_1_1, CHAT, original, JSON);
        ConformanceClient.Exchange bypassed =
                client().post(Protocol.HTTP_1_1, CHAT, original, JSON, "x-headroom-bypass", "true");
        assertEquals("true", compressed.header(COMPRESSED));
        assertEquals("false", bypassed.header(COMPRESSED));

        RecordingStub.Received rewritten = compressed.received();
        assertTrue(rewritten.body().length < original.length);
        assertChunked(rewritten);
        RecordingStub.Received asSent = bypassed.received();
        assertArrayEquals(original, asSent.body());
        assertChunked(asSent);
    }

    private static void assertChunked(RecordingStub.Received received) {
        assertNull(received.contentLength(), "Content-Length upstream");
        assertEquals("chunked", received.transferEncoding());
    }
}
