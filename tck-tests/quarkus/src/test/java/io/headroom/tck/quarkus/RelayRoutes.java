package io.headroom.tck.quarkus;

import io.headroom.conformance.downstream.RelayRoute;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The downstream of a Quarkus application built on Vert.x routes: the LLM endpoints as exact POST routes (the
 * shape the extension rewrites over HTTP/2 too, next to Quarkus REST), and a JSON-only BodyHandler and the relay
 * on every other path.
 */
@ApplicationScoped
public class RelayRoutes {
    private static final List<String> LLM_PATHS = List.of("/v1/chat/completions", "/v1/messages", "/v1/responses");

    void init(@Observes Router router) {
        RelayRoute relay = new RelayRoute();
        for (String path : LLM_PATHS) {
            router.post(path).handler(RelayRoute.jsonBodyHandler()).handler(relay);
        }
        router.route().handler(RelayRoute.jsonBodyHandler()).handler(relay);
    }
}
