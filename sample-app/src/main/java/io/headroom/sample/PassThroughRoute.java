package io.headroom.sample;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every request no other route answered goes to the matching upstream untouched ({@link
 * GatewayTargets#forPassThrough}): {@code /v1/models}, {@code /v1/embeddings}, {@code /v1/messages/count_tokens},
 * batches, files, any path and method; so a client whose base URL points at the gateway keeps working
 * for everything Headroom does not compress. A path the gateway serves itself with another method (e.g.
 * {@code GET /v1/compress}) answers 405 instead: operator endpoints keep their routes and never leak
 * to a provider.
 */
@ApplicationScoped
public class PassThroughRoute {
    private final UpstreamForwarder forwarder;
    private final GatewayTargets targets;

    public PassThroughRoute(UpstreamForwarder forwarder, GatewayTargets targets) {
        this.forwarder = forwarder;
        this.targets = targets;
    }

    void register(@Observes Router router) {
        router.route().last().handler(rc -> {
            Set<String> allowed = ownMethods(router, rc.normalizedPath());
            if (allowed.isEmpty()) {
                forwarder.passThrough(rc, targets.forPassThrough(rc.request()));
            } else {
                rc.response().putHeader("Allow", String.join(", ", allowed));
                ApiResponses.error(rc.response(), 405, "method_not_allowed",
                        rc.request().method() + " is not served on " + rc.normalizedPath());
            }
        });
    }

    /** The methods of the gateway's own exact-path routes for {@code path}; empty for a provider path. */
    private static Set<String> ownMethods(Router router, String path) {
        if (GatewayRoutes.PROXIED_PATHS.contains(path)) {
            return Set.of();
        }
        TreeSet<String> methods = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (path.equals(route.getPath()) && !route.isRegexPath() && route.methods() != null) {
                route.methods().forEach(m -> methods.add(m.name()));
            }
        }
        return methods;
    }
}
