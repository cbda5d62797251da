package io.headroom.quarkus.runtime;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;

/**
 * Pre-matching Quarkus REST filter that sets the entity stream to the body {@link HeadroomRouteFilter}
 * forwarded. Quarkus REST's non-blocking input path replays a pre-read routing-context body through
 * its chunk listener, which for bodies above {@code quarkus.rest.input-buffer-size} ends up reading
 * zeros; with the entity stream already set it skips reading altogether. Registered only when the
 * application has Quarkus REST.
 */
public class HeadroomRestBodyFilter implements ContainerRequestFilter {

    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public void filter(ContainerRequestContext requestContext) {
        RoutingContext rc = currentRequest.getCurrent();
        byte[] body = rc == null ? null : RewrittenBody.get(rc);
        if (body != null) {
            requestContext.setEntityStream(new ByteArrayInputStream(body));
        }
    }
}
