package io.headroom.tck.spring.gateway;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RecordingStub;
import io.headroom.tck.spring.SpringHost;
import org.junit.jupiter.api.Tag;

/**
 * The conformance contract against Headroom in an existing Spring Cloud Gateway Server MVC gateway: the
 * gateway itself is the downstream, forwarding {@code /v1/**} to the stub, which records the request
 * exactly as the gateway sent it upstream.
 */
@Tag("gateway")
class GatewayConformanceTest extends ConformanceContract {

    @Override
    protected HostUnderTest newHost() {
        return new SpringHost(LlmGatewayApplication.class, "llm.upstream=" + RecordingStub.uri());
    }
}
