package io.headroom.servlet;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retrieve mechanics in embedded Tomcat 11, HTTP/1.1 and h2c on one port. Tomcat's filter chain keeps its
 * position: the filter's second {@code chain.doFilter} goes straight to the servlet, which is what a follow-up needs.
 * (In package io.headroom.servlet: the contract plugs a scripted loop into the filter's package-private seam.)
 */
class RetrieveMechanicsInTomcatTest extends RetrieveMechanicsContract {
    private FilteredTomcat tomcat;

    @Override
    protected URI start(Map<String, HeadroomFilter> filtersByPrefix) throws Exception {
        Map<String, HeadroomFilter> byPattern = new LinkedHashMap<>();
        filtersByPrefix.forEach((prefix, filter) -> byPattern.put("/" + prefix + "/*", filter));
        tomcat = new FilteredTomcat(byPattern, ScriptedModelServlet.class);
        return tomcat.base();
    }

    @Override
    protected void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }
}
