package io.headroom.tck.quarkus;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RecordingStub;
import io.headroom.conformance.RetrieveResponseContract;
import io.headroom.conformance.downstream.DownstreamRelay;
import io.headroom.conformance.downstream.RelayResource;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response-side contract in a Quarkus application whose downstream is a Quarkus REST resource (blocking, so on a
 * worker thread): the extension answers the calls, each follow-up sent to the application itself.
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
        return HostUnderTest.running(base);
    }
}
