package io.headroom.quarkus.runtime;

import io.headroom.jaxrs.HeadroomContainerResponseFilter;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Providers;

/**
 * Quarkus REST response filter that answers the model's {@code headroom_retrieve} calls in a resource's answer
 * when {@link HeadroomRestRetrieveFilter} started a retrieve loop for the exchange: the headroom-jaxrs response
 * filter, which does the work for every JAX-RS runtime. It only acts on exchanges that have a loop, which
 * {@link HeadroomRestRetrieveFilter} starts only on a worker thread, so the follow-up calls never block the event
 * loop. Registered only when the application has Quarkus REST.
 */
public class HeadroomRestResponseFilter implements ContainerResponseFilter {

    @Inject
    CurrentVertxRequest currentRequest;

    /** The runtime's writers, for an entity that must be written out before it can be watched. */
    @Inject
    Instance<Providers> providers;

    private volatile HeadroomContainerResponseFilter delegate;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        delegate().filter(request, response);
        RoutingContext rc = currentRequest.getCurrent();
        if (request.getProperty(HeadroomRestRetrieveFilter.LOOP_STARTED) != null && rc != null
                && response.getEntity() instanceof StreamingOutput rest) {
            // the rest of a stream the client already has bytes of: its writes must fail once the client is gone
            response.setEntity((StreamingOutput) out -> rest.write(new ClientBoundStream(out, rc.response())));
        }
    }

    private HeadroomContainerResponseFilter delegate() {
        HeadroomContainerResponseFilter d = delegate;
        if (d == null) {
            d = new HeadroomContainerResponseFilter(providers.isResolvable() ? providers.get() : null);
            delegate = d;
        }
        return d;
    }
}
