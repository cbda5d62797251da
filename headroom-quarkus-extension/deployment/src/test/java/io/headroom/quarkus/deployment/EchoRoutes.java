package io.headroom.quarkus.deployment;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Plain Vert.x routes that answer with {@code rc.body()} and the Content-Length header they saw. */
@ApplicationScoped
public class EchoRoutes {

    void init(@Observes Router router) {
        router.post("/vertx/v1/chat/completions").handler(EchoRoutes::echo);
        // An application that installs its own BodyHandler must get the rewritten body, not hang.
        router.post("/vertx-bh/v1/chat/completions").handler(BodyHandler.create()).handler(EchoRoutes::echo);
        // a wildcard route: over HTTP/2 next to Quarkus REST, Headroom leaves its requests as sent
        router.post("/wild/*").handler(BodyHandler.create()).handler(EchoRoutes::echo);
    }

    private static void echo(RoutingContext rc) {
        Buffer body = rc.body().buffer();
        String contentLength = rc.request().getHeader("Content-Length");
        rc.response()
                .putHeader(EchoResource.ECHO_LENGTH, contentLength == null ? "none" : contentLength)
                .putHeader("x-echo-has-body", Boolean.toString(body != null))
                .end(body == null ? Buffer.buffer() : body);
    }
}
