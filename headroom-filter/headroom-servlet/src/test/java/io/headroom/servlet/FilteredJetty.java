package io.headroom.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 (ee10) for the retrieve tests: HTTP/1.1 and h2c on one loopback port, Headroom filters by URL
 * pattern (async-supported, like a real deployment may need) in front of one downstream servlet on {@code /*}.
 */
final class FilteredJetty implements AutoCloseable {
    private final Server server = new Server();
    private final URI base;

    FilteredJetty(Map<String, HeadroomFilter> filtersByPattern, Class<? extends HttpServlet> downstream)
            throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        filtersByPattern.forEach((pattern, filter) -> {
            FilterHolder holder = new FilterHolder(filter);
            holder.setName(pattern);
            holder.setAsyncSupported(true);
            context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
        });
        ServletHolder servlet = new ServletHolder("downstream", downstream);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
