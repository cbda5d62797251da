package io.headroom.tck;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;

/** The conformance contract in JAX-RS on Jersey 3.1 (HeadroomFeature), in Jetty 12. */
class JerseyConformanceTest extends ConformanceContract {
    @Override
    protected HostUnderTest newHost() {
        return new JerseyHost();
    }
}
