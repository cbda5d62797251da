package io.headroom.quarkus.runtime;

import io.headroom.host.BodyRewrite;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HeadroomHeaders;
import io.headroom.vertx.HeadroomHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestFilter;

/**
 * Pre-matching Quarkus REST filter (on the event loop, before Quarkus REST reads the entity):
 * <ul>
 *   <li>a request the route filters read and rewrote: sets the entity stream to the forwarded body. Quarkus REST's
 *       non-blocking input path replays a pre-read body through its chunk listener, which for bodies above
 *       {@code quarkus.rest.input-buffer-size} ends up reading zeros; with the entity stream set it reads nothing;</li>
 *   <li>an HTTP/2 request {@link HeadroomInterception} left unread: reads and rewrites it here (suspending the
 *       request meanwhile), where reading it does not break Quarkus REST.</li>
 * </ul>
 * Registered only when the application has Quarkus REST.
 */
public class HeadroomRestBodyFilter implements ResteasyReactiveContainerRequestFilter {

    @Inject
    CurrentVertxRequest currentRequest;

    /** Looked up per use: Quarkus REST creates its filters at static init, before runtime configuration exists. */
    @Inject
    Provider<HeadroomInterception> interception;

    @Override
    public void filter(ResteasyReactiveContainerRequestContext ctx) {
        RoutingContext rc = currentRequest.getCurrent();
        if (rc == null) {
            return;
        }
        if (rc.remove(HeadroomInterception.LEFT_TO_REST) == null) {
            Buffer forwarded = HeadroomHandler.forwardedBody(rc);
            if (forwarded != null) {
                ctx.setEntityStream(new ByteArrayInputStream(forwarded.getBytes()));
            }
            return;
        }
        ctx.suspend();
        interception.get().handler().readAndRewrite(rc).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == null) {
                // no room in the body budget: Quarkus REST reads it as sent, uncompressed
                HeadroomHeaders.untouched().forEach(rc.response()::putHeader);
            } else if (ar.succeeded()) {
                hand(ctx, rc, ar.result());
            } else if (ar.cause() instanceof HttpException e) {
                // 408 / 413, with the JSON error body every host answers them with (a stream: a byte[] entity
                // typed application/json would go through a JSON provider as a base64 string)
                ctx.abortWith(Response.status(e.getStatusCode()).type(ErrorBodies.CONTENT_TYPE)
                        .entity(new ByteArrayInputStream(HeadroomHandler.errorBody(e.getStatusCode()))).build());
            } else {
                ctx.resume(ar.cause());
                return;
            }
            ctx.resume();
        });
    }

    private static void hand(ResteasyReactiveContainerRequestContext ctx, RoutingContext rc, BodyRewrite rewrite) {
        HeadroomHandler.apply(rc, rewrite);
        ctx.setEntityStream(new ByteArrayInputStream(rewrite.body()));
        if (rewrite.changed()) {
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH.toString(), Integer.toString(rewrite.body().length));
            ctx.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING.toString());
            if (rewrite.decoded()) {
                ctx.getHeaders().remove(HttpHeaders.CONTENT_ENCODING.toString());
            }
        }
    }
}
