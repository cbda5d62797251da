package io.headroom.sample;

import io.headroom.ErrorType;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Anything no route matched gets the JSON error shape too, so clients can always parse errors. */
@ApplicationScoped
public class NotFoundRoute {

    void register(@Observes Router router) {
        router.route().last().handler(rc -> ApiResponses.error(rc.response(), ErrorType.NOT_FOUND,
                "no route for " + rc.request().method() + " " + rc.request().path()));
    }
}
