package io.headroom.tck;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.downstream.RelayServlet;
import io.headroom.conformance.downstream.WebApp;
import io.headroom.servlet.HeadroomFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 (ee10) serving HTTP/1.1 and h2c on one loopback port, with HeadroomFilter on
 * {@code /*} registered either programmatically (a {@link FilterHolder} with init-params) or by a real
 * {@code WEB-INF/web.xml} ({@link WebApp}).
 */
final class JettyHost implements HostUnderTest {
    private final boolean webXml;
    private Server server;
    private WebApp webApp;

    private JettyHost(boolean webXml) {
        this.webXml = webXml;
    }

    static JettyHost programmatic() {
        return new JettyHost(false);
    }

    static JettyHost withWebXml() {
        return new JettyHost(true);
    }

    @Override
    public URI start(Map<String, String> headroomOptions) throws Exception {
        server = new Server();
        ServerConnector connector = h2cConnector(server);
        server.addConnector(connector);
        server.setHandler(webXml ? webApp(headroomOptions) : programmatic(headroomOptions));
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** HTTP/1.1 plus cleartext HTTP/2 (prior knowledge and {@code Upgrade: h2c}) on a random loopback port. */
    static ServerConnector h2cConnector(Server server) {
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    private static Handler programmatic(Map<String, String> headroomOptions) {
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder filter = new FilterHolder(HeadroomFilter.class);
        filter.setName("headroom");
        filter.setInitParameters(headroomOptions);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("downstream", RelayServlet.class), "/");
        return context;
    }

    private Handler webApp(Map<String, String> headroomOptions) throws Exception {
        webApp = WebApp.write(HeadroomFilter.class.getName(), headroomOptions);
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResourceAsPath(webApp.docBase());
        // the test class path is the application's: no WEB-INF/lib, no container jars to scan
        context.setParentLoaderPriority(true);
        return context;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
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
