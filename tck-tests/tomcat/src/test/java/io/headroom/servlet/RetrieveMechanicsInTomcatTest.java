package io.headroom.servlet;

import io.headroom.conformance.downstream.WebApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The retrieve mechanics in embedded Tomcat 11, HTTP/1.1 and h2c on one port. Tomcat's filter chain keeps its
 * position: the filter's second {@code chain.doFilter} goes straight to the servlet, which is what a follow-up needs.
 * (In package io.headroom.servlet: the contract plugs a scripted loop into the filter's package-private seam.)
 */
class RetrieveMechanicsInTomcatTest extends RetrieveMechanicsContract {
    private Tomcat tomcat;
    private Path baseDir;

    @Override
    protected URI start(Map<String, HeadroomFilter> filtersByPrefix) throws Exception {
        baseDir = Files.createTempDirectory("headroom-tomcat-retrieve");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        filtersByPrefix.forEach((prefix, filter) -> {
            FilterDef def = new FilterDef();
            def.setFilterName(prefix);
            def.setFilter(filter);
            def.setFilterClass(filter.getClass().getName());
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(prefix);
            map.addURLPattern("/" + prefix + "/*");
            context.addFilterMap(map);
        });
        Wrapper downstream = Tomcat.addServlet(context, "downstream", ScriptedModelServlet.class.getName());
        downstream.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "downstream");
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    @Override
    protected void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        WebApp.deleteTree(baseDir);
    }
}
