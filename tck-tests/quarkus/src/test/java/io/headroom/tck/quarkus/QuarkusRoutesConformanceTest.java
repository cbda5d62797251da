package io.headroom.tck.quarkus;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RecordingStub;
import io.headroom.conformance.downstream.DownstreamRelay;
import io.headroom.conformance.downstream.RelayRoute;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance contract in a Quarkus application with the extension, whose downstream is a Vert.x route. */
class QuarkusRoutesConformanceTest extends ConformanceContract {
    static {
        RecordingStub.uri(); // started from the test's own class loader, not from the application's
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = QuarkusApps.withDownstream(RelayRoutes.class, RelayRoute.class,
            DownstreamRelay.class, DownstreamRelay.Answer.class);

    @TestHTTPResource("/")
    URI base;

    @Override
    protected HostUnderTest newHost() {
        return HostUnderTest.running(base);
    }
}
