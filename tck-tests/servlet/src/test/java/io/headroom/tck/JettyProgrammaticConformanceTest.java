package io.headroom.tck;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;

/** The conformance contract in Jetty 12 (ee10), HeadroomFilter registered with a FilterHolder. */
class JettyProgrammaticConformanceTest extends ConformanceContract {
    @Override
    protected HostUnderTest newHost() {
        return JettyHost.programmatic();
    }
}
