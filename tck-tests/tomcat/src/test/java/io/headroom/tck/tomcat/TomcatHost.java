package io.headroom.tck.tomcat;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.downstream.RelayServlet;
import io.headroom.conformance.downstream.WebApp;
import io.headroom.servlet.HeadroomFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Embedded Tomcat 11 serving HTTP/1.1 and h2c ({@link Http2Protocol} as upgrade protocol) on one loopback
 * port, with HeadroomFilter on {@code /*} registered either programmatically (a {@link FilterDef} with
 * init-params) or by a real {@code WEB-INF/web.xml} ({@link WebApp}).
 */
final class TomcatHost implements HostUnderTest {
    private final boolean webXml;
    private Tomcat tomcat;
    private Path baseDir;
    private WebApp webApp;

    private TomcatHost(boolean webXml) {
        this.webXml = webXml;
    }

    static TomcatHost programmatic() {
        return new TomcatHost(false);
    }

    static TomcatHost withWebXml() {
        return new TomcatHost(true);
    }

    @Override
    public URI start(Map<String, String> headroomOptions) throws Exception {
        baseDir = Files.createTempDirectory("headroom-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        tomcat.setConnector(connector);
        if (webXml) {
            deployWebApp(headroomOptions);
        } else {
            deployProgrammatically(headroomOptions);
        }
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    private void deployProgrammatically(Map<String, String> headroomOptions) {
        Context context = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("headroom");
        def.setFilterClass(HeadroomFilter.class.getName());
        headroomOptions.forEach(def::addInitParameter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("headroom");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        Tomcat.addServlet(context, "downstream", RelayServlet.class.getName());
        context.addServletMappingDecoded("/", "downstream");
    }

    private void deployWebApp(Map<String, String> headroomOptions) throws Exception {
        webApp = WebApp.write(HeadroomFilter.class.getName(), headroomOptions);
        // only our web.xml: no container defaults (JSP, default servlet) and no class path scanning
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", webApp.docBase().toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        WebApp.deleteTree(baseDir);
        if (webApp != null) {
            webApp.close();
        }
    }

    /** Body reads are bounded by the servlet container (its idle timeout), not by Headroom. */
    @Override
    public java.util.Set<io.headroom.conformance.Limitation> limitations() {
        return java.util.Set.of(io.headroom.conformance.Limitation.CONTAINER_BOUNDS_BODY_READS);
    }
}
