package io.headroom.tck.tomcat;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;

/** The conformance contract in Tomcat 11, HeadroomFilter declared in WEB-INF/web.xml. */
class TomcatWebXmlConformanceTest extends ConformanceContract {
    @Override
    protected HostUnderTest newHost() {
        return TomcatHost.withWebXml();
    }
}
