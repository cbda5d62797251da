package io.headroom.servlet;

import java.net.URI;
import java.util.Map;

/** The real core loop behind the filter in embedded Jetty 12 (ee10), HTTP/1.1 and h2c on one port. */
class CoreRetrieveLoopInJettyTest extends CoreRetrieveLoopContract {
    private FilteredJetty jetty;

    @Override
    protected URI start(HeadroomFilter filter) throws Exception {
        jetty = new FilteredJetty(Map.of("/*", filter), RetrievingModelServlet.class);
        return jetty.base();
    }

    @Override
    protected void stop() throws Exception {
        jetty.close();
    }
}
