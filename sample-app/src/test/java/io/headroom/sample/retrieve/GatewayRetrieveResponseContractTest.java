package io.headroom.sample.retrieve;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;

/**
 * The response-side contract every library host passes, run against the sample gateway itself (Quarkus routes
 * forwarding with {@code RetrieveRelay}): the same scenarios, byte-level checks and latency probe as in the hosts.
 */
@QuarkusTest
@WithTestResource(RecordingStubResource.class)
class GatewayRetrieveResponseContractTest extends RetrieveResponseContract {
    @TestHTTPResource("/")
    URI base;

    @Override
    protected HostUnderTest newHost() {
        return HostUnderTest.running(base);
    }
}
