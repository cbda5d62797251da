package io.headroom.servlet;

import io.headroom.conformance.downstream.WebApp;
import jakarta.servlet.http.HttpServlet;
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
 * Embedded Tomcat 11 for the retrieve tests: HTTP/1.1 and h2c on one loopback port, Headroom filters by URL pattern
 * (async-supported) in front of one downstream servlet on {@code /*}; its base directory is deleted on close.
 */
final class FilteredTomcat implements AutoCloseable {
    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    private final URI base;

    FilteredTomcat(Map<String, HeadroomFilter> filtersByPattern, Class<? extends HttpServlet> downstream)
            throws Exception {
        baseDir = Files.createTempDirectory("headroom-tomcat-retrieve");
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        int n = 0;
        for (Map.Entry<String, HeadroomFilter> e : filtersByPattern.entrySet()) {
            String name = "headroom-" + n++;
            FilterDef def = new FilterDef();
            def.setFilterName(name);
            def.setFilter(e.getValue());
            def.setFilterClass(e.getValue().getClass().getName());
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(name);
            map.addURLPattern(e.getKey());
            context.addFilterMap(map);
        }
        Wrapper servlet = Tomcat.addServlet(context, "downstream", downstream.getName());
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "downstream");
        tomcat.start();
        base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        WebApp.deleteTree(baseDir);
    }
}
