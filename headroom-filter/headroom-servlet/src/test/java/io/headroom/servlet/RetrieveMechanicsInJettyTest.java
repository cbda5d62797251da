package io.headroom.servlet;

import jakarta.servlet.DispatcherType;
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

/** The retrieve mechanics in embedded Jetty 12 (ee10), HTTP/1.1 and h2c on one port. */
class RetrieveMechanicsInJettyTest extends RetrieveMechanicsContract {
    private Server server;

    @Override
    protected URI start(Map<String, HeadroomFilter> filtersByPrefix) throws Exception {
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        filtersByPrefix.forEach((prefix, filter) -> {
            FilterHolder holder = new FilterHolder(filter);
            holder.setName(prefix);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/" + prefix + "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        ServletHolder downstream = new ServletHolder("downstream", ScriptedModelServlet.class);
        downstream.setAsyncSupported(true);
        context.addServlet(downstream, "/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    protected void stop() throws Exception {
        server.stop();
    }
}
