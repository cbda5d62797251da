package io.headroom.tck.quarkus;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.Limitation;
import io.headroom.conformance.RecordingStub;
import io.headroom.conformance.RetrieveResponseContract;
import io.headroom.conformance.downstream.DownstreamRelay;
import io.headroom.conformance.downstream.RelayResource;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response-side contract in a Quarkus application whose downstream is a Quarkus REST resource: nothing there
 * answers the calls, so the extension does not offer the tool (its documented fallback is asserted).
 */
class QuarkusRestRetrieveResponseTest extends RetrieveResponseContract {
    static {
        RecordingStub.uri(); // started from the test's own class loader, not from the application's
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = QuarkusApps.withDownstream(RelayResource.class,
            DownstreamRelay.class, DownstreamRelay.Answer.class);

    @TestHTTPResource("/")
    URI base;

    @Override
    protected HostUnderTest newHost() {
        return HostUnderTest.running(base, Limitation.RETRIEVE_TOOL_NOT_OFFERED);
    }
}
