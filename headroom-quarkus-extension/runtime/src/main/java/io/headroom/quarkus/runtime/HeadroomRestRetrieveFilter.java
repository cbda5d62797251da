package io.headroom.quarkus.runtime;

import io.headroom.host.BodyRewrite;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.jaxrs.RetrieveSelfCalls;
import io.headroom.vertx.HeadroomHandler;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Post-matching Quarkus REST filter: a resource that runs on a worker thread gets the body that offers the
 * {@code headroom_retrieve} tool (kept by the route filters, {@link HeadroomHandler#offeredRewrite}) instead of the
 * one without it, and the exchange gets a core {@link RetrieveLoop} that the headroom-jaxrs response filter runs
 * over the resource's answer ({@link RetrieveSelfCalls}: each follow-up sent to this application over HTTP).
 *
 * <p>Quarkus REST runs the request and response filters of a blocking resource on its worker thread, and those of a
 * non-blocking one ({@code @NonBlocking}, {@code Uni}/{@code Multi}) on the event loop, where a follow-up call must
 * not wait: such a resource keeps the body without the tool, as the start-up line says.
 * Registered only when the application has Quarkus REST.
 */
public class HeadroomRestRetrieveFilter implements ResteasyReactiveContainerRequestFilter {
    /** Request property: this exchange has a retrieve loop ({@link HeadroomRestResponseFilter} watches its stream). */
    static final String LOOP_STARTED = "io.headroom.quarkus.retrieve-loop";

    @Inject
    CurrentVertxRequest currentRequest;

    /** Looked up per use: Quarkus REST creates its filters at static init, before runtime configuration exists. */
    @Inject
    Provider<HeadroomInterception> interception;

    @Override
    public void filter(ResteasyReactiveContainerRequestContext ctx) {
        RoutingContext rc = currentRequest.getCurrent();
        BodyRewrite offered = rc == null ? null : HeadroomHandler.offeredRewrite(rc);
        if (offered == null || !BlockingOperationControl.isBlockingAllowed()) {
            return; // nothing withdrawn here, or a resource on the event loop: the body without the tool
        }
        HeadroomInterception headroom = interception.get();
        RetrieveSelfCalls selfCalls = headroom.selfCalls();
        if (selfCalls == null) {
            return;
        }
        Optional<RetrieveLoop> loop = RetrieveLoop.start(headroom.headroom(), headroom.handler().decide(rc).endpoint(),
                offered.body(), headroom.scope(rc));
        if (loop.isEmpty()) {
            return;
        }
        Map<String, List<String>> received = new LinkedHashMap<>();
        ctx.getHeaders().forEach((name, values) -> received.put(name, List.copyOf(values)));
        ctx.setEntityStream(new ByteArrayInputStream(offered.body()));
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH.toString(), Integer.toString(offered.body().length));
        offered.responseHeaders().forEach(rc.response()::putHeader);
        selfCalls.start(ctx, loop.get(), arrivedAt(rc, ctx), received);
        ctx.setProperty(LOOP_STARTED, Boolean.TRUE);
    }

    /** The request as it arrived at this server: its scheme, the local port it came in on, its path and query. */
    private static URI arrivedAt(RoutingContext rc, ResteasyReactiveContainerRequestContext ctx) {
        HttpServerRequest request = rc.request();
        SocketAddress local = request.localAddress();
        if (local == null || local.port() <= 0) {
            return ctx.getUriInfo().getRequestUri();
        }
        return URI.create(request.scheme() + "://127.0.0.1:" + local.port() + request.uri());
    }
}
