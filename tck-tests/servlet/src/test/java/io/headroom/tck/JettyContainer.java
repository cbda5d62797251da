package io.headroom.tck;

import io.headroom.servlet.HeadroomFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10) with the filter registered through a {@link FilterHolder}. */
final class JettyContainer implements ContainerUnderTest {
    private final boolean h2c;
    private Server server;

    /** HTTP/1.1 only. */
    JettyContainer() {
        this(false);
    }

    private JettyContainer(boolean h2c) {
        this.h2c = h2c;
    }

    /** HTTP/1.1 plus cleartext HTTP/2 (prior knowledge and {@code Upgrade: h2c}) on the same port. */
    static JettyContainer withH2c() {
        return new JettyContainer(true);
    }

    @Override
    public URI start(Deployment deployment) throws Exception {
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = h2c
                ? new ServerConnector(server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config))
                : new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        for (Deployment.FilterMount f : deployment.filters()) {
            FilterHolder holder = new FilterHolder(HeadroomFilter.class);
            holder.setName(f.name());
            holder.setInitParameters(f.initParams());
            context.addFilter(holder, f.urlPattern(), EnumSet.of(DispatcherType.REQUEST));
        }
        for (Deployment.ServletMount s : deployment.servlets()) {
            ServletHolder holder = new ServletHolder(s.name(), s.type());
            context.addServlet(holder, s.urlPattern());
        }
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
