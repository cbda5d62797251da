package io.headroom.tck;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in Jetty 12 with HeadroomFilter declared in web.xml. */
class JettyWebXmlRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return JettyHost.withWebXml();
    }
}
