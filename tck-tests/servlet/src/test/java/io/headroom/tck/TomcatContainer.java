package io.headroom.tck;

import io.headroom.servlet.HeadroomFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 11 with the filter registered through a {@link FilterDef} and its init-params. */
final class TomcatContainer implements ContainerUnderTest {
    private final boolean h2c;
    private Tomcat tomcat;
    private Path baseDir;

    /** HTTP/1.1 only. */
    TomcatContainer() {
        this(false);
    }

    private TomcatContainer(boolean h2c) {
        this.h2c = h2c;
    }

    /** HTTP/1.1 plus cleartext HTTP/2 (prior knowledge and {@code Upgrade: h2c}) on the same port. */
    static TomcatContainer withH2c() {
        return new TomcatContainer(true);
    }

    @Override
    public URI start(Deployment deployment) throws Exception {
        baseDir = Files.createTempDirectory("headroom-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        if (h2c) {
            connector.addUpgradeProtocol(new Http2Protocol());
        }
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        for (Deployment.FilterMount f : deployment.filters()) {
            FilterDef def = new FilterDef();
            def.setFilterName(f.name());
            def.setFilterClass(HeadroomFilter.class.getName());
            f.initParams().forEach(def::addInitParameter);
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(f.name());
            map.addURLPattern(f.urlPattern());
            context.addFilterMap(map);
        }
        for (Deployment.ServletMount s : deployment.servlets()) {
            Tomcat.addServlet(context, s.name(), s.type().getName());
            context.addServletMappingDecoded(s.urlPattern(), s.name());
        }
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        TempDirs.delete(baseDir);
    }
}
