package io.headroom.tck.quarkus;

import io.headroom.Headroom;
import io.headroom.conformance.downstream.RelayRoute;
import io.headroom.conformance.downstream.RetrieveRelayRoute;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The downstream of a Quarkus application on Vert.x routes that answers the model's headroom_retrieve calls itself
 * ({@code quarkus.headroom.retrieve.answered-by-application=true}): the LLM endpoints forward with the application's
 * Vert.x client through {@code RetrieveRelay}; every other path relays as in {@link RelayRoutes}.
 */
@ApplicationScoped
public class RetrieveRelayRoutes {
    private static final List<String> LLM_PATHS = List.of("/v1/chat/completions", "/v1/messages", "/v1/responses");

    void init(@Observes Router router, Vertx vertx, Headroom headroom) {
        RetrieveRelayRoute llm = new RetrieveRelayRoute(headroom, vertx.createHttpClient(), rc -> rc.body().buffer());
        for (String path : LLM_PATHS) {
            router.post(path).handler(RelayRoute.jsonBodyHandler()).handler(llm);
        }
        router.route().handler(RelayRoute.jsonBodyHandler()).handler(new RelayRoute());
    }
}
