package io.headroom.servlet;

import io.headroom.conformance.downstream.WebApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The real core loop behind the filter in embedded Tomcat 11, HTTP/1.1 and h2c on one port. (In package
 * io.headroom.servlet, like {@link RetrieveMechanicsInTomcatTest}: the contract and its model servlet are there.)
 */
class CoreRetrieveLoopInTomcatTest extends CoreRetrieveLoopContract {
    private Tomcat tomcat;
    private Path baseDir;

    @Override
    protected URI start(HeadroomFilter filter) throws Exception {
        baseDir = Files.createTempDirectory("headroom-tomcat-core-loop");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("headroom");
        def.setFilter(filter);
        def.setFilterClass(filter.getClass().getName());
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("headroom");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        Tomcat.addServlet(context, "model", RetrievingModelServlet.class.getName());
        context.addServletMappingDecoded("/*", "model");
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
