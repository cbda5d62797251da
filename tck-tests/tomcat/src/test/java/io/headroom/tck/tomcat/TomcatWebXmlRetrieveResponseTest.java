package io.headroom.tck.tomcat;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in Tomcat 11 with HeadroomFilter declared in web.xml. */
class TomcatWebXmlRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return TomcatHost.withWebXml();
    }
}
