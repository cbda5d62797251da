package io.headroom.tck.tomcat;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;

/** The conformance contract in Tomcat 11, HeadroomFilter registered with a FilterDef. */
class TomcatProgrammaticConformanceTest extends ConformanceContract {
    @Override
    protected HostUnderTest newHost() {
        return TomcatHost.programmatic();
    }
}
