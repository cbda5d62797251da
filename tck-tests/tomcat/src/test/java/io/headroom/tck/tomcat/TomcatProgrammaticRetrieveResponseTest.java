package io.headroom.tck.tomcat;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in Tomcat 11, HeadroomFilter registered programmatically: the filter answers the calls. */
class TomcatProgrammaticRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return TomcatHost.programmatic();
    }
}
