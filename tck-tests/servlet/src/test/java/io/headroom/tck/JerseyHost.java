package io.headroom.tck;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.downstream.RelayResource;
import io.headroom.jaxrs.HeadroomFeature;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * JAX-RS on Jersey 3.1: a {@link ResourceConfig} with {@link HeadroomFeature} registered the way its
 * javadoc says, and the {@link RelayResource} as the application, served by Jersey's servlet container
 * in Jetty 12 (HTTP/1.1 and h2c; Jersey's own Jetty/JDK containers do not resolve for 3.1.12).
 */
final class JerseyHost implements HostUnderTest {
    private Headroom headroom;
    private Server server;

    @Override
    public URI start(Map<String, String> headroomOptions) throws Exception {
        headroom = Headroom.create(HeadroomConfig.fromMap(headroomOptions));
        ResourceConfig application = new ResourceConfig(RelayResource.class).register(new HeadroomFeature(headroom))
                // the relay streams its answer: Jersey must not hold the first 8 KiB back to compute a length
                .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        server = new Server();
        ServerConnector connector = JettyHost.h2cConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("jersey", new ServletContainer(application)), "/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (headroom != null) {
            headroom.close();
        }
    }

    /** Body reads are bounded by Jetty, under Jersey (its idle timeout), not by Headroom. */
    @Override
    public java.util.Set<io.headroom.conformance.Limitation> limitations() {
        return java.util.Set.of(io.headroom.conformance.Limitation.CONTAINER_BOUNDS_BODY_READS);
    }
}
