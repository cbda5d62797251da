package io.headroom.servlet;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The retrieve mechanics in embedded Jetty 12 (ee10), HTTP/1.1 and h2c on one port. */
class RetrieveMechanicsInJettyTest extends RetrieveMechanicsContract {
    private FilteredJetty jetty;

    @Override
    protected URI start(Map<String, HeadroomFilter> filtersByPrefix) throws Exception {
        Map<String, HeadroomFilter> byPattern = new LinkedHashMap<>();
        filtersByPrefix.forEach((prefix, filter) -> byPattern.put("/" + prefix + "/*", filter));
        jetty = new FilteredJetty(byPattern, ScriptedModelServlet.class);
        return jetty.base();
    }

    @Override
    protected void stop() throws Exception {
        jetty.close();
    }
}
