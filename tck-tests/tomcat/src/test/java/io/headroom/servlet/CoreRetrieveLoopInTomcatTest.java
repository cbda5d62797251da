package io.headroom.servlet;

import java.net.URI;
import java.util.Map;

/**
 * The real core loop behind the filter in embedded Tomcat 11, HTTP/1.1 and h2c on one port. (In package
 * io.headroom.servlet, like {@link RetrieveMechanicsInTomcatTest}: the contract and its model servlet are there.)
 */
class CoreRetrieveLoopInTomcatTest extends CoreRetrieveLoopContract {
    private FilteredTomcat tomcat;

    @Override
    protected URI start(HeadroomFilter filter) throws Exception {
        tomcat = new FilteredTomcat(Map.of("/*", filter), RetrievingModelServlet.class);
        return tomcat.base();
    }

    @Override
    protected void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }
}
