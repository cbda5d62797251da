package io.headroom.tck;

import io.headroom.servlet.HeadroomFilter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.util.EnumSet;

/** Embedded Jetty 12 (ee10) with the filter registered through a {@link FilterHolder}. */
final class JettyContainer implements ContainerUnderTest {
    private Server server;

    @Override
    public URI start(Deployment deployment) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
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
