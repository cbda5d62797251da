package io.headroom.tck.quarkus;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RecordingStub;
import io.headroom.conformance.RetrieveResponseContract;
import io.headroom.conformance.downstream.DownstreamRelay;
import io.headroom.conformance.downstream.RelayRoute;
import io.headroom.conformance.downstream.RetrieveRelayRoute;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response-side contract in a Quarkus application on Vert.x routes that forwards with RetrieveRelay and sets
 * {@code quarkus.headroom.retrieve.answered-by-application=true}: the application answers the calls.
 */
class QuarkusRoutesRetrieveResponseTest extends RetrieveResponseContract {
    static {
        RecordingStub.uri(); // started from the test's own class loader, not from the application's
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = QuarkusApps.withDownstream(RetrieveRelayRoutes.class, RetrieveRelayRoute.class,
                    RelayRoute.class, DownstreamRelay.class, DownstreamRelay.Answer.class)
            .overrideConfigKey("quarkus.headroom.retrieve.answered-by-application", "true");

    @TestHTTPResource("/")
    URI base;

    @Override
    protected HostUnderTest newHost() {
        return HostUnderTest.running(base);
    }
}
