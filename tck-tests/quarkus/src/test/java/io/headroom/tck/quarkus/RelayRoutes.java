package io.headroom.tck.quarkus;

import io.headroom.conformance.downstream.RelayRoute;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The downstream of a Quarkus application built on Vert.x routes: a BodyHandler and the relay on every path. */
@ApplicationScoped
public class RelayRoutes {

    void init(@Observes Router router) {
        router.route().handler(BodyHandler.create(false)).handler(new RelayRoute());
    }
}
