package io.headroom.tck;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in Jetty 12 (ee10), HeadroomFilter registered with a FilterHolder: the filter answers the calls. */
class JettyProgrammaticRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return JettyHost.programmatic();
    }
}
