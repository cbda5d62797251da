package io.headroom.quarkus.deployment;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A Vert.x route answering with {@code rc.body()} plus the Content-Encoding and Content-Length it saw. */
@ApplicationScoped
public class EncodingEchoRoutes {
    static final String ECHO_ENCODING = "x-echo-content-encoding";

    void init(@Observes Router router) {
        // the BodyHandler reads what the filter forwards untouched and unbuffered; it skips a buffered body
        router.post("/enc/v1/chat/completions").handler(BodyHandler.create()).handler(EncodingEchoRoutes::echo);
        router.post("/enc/v1/messages").handler(BodyHandler.create()).handler(EncodingEchoRoutes::echo);
    }

    private static void echo(RoutingContext rc) {
        Buffer body = rc.body().buffer() == null ? Buffer.buffer() : rc.body().buffer();
        String encoding = rc.request().getHeader("Content-Encoding");
        String length = rc.request().getHeader("Content-Length");
        rc.response()
                .putHeader(ECHO_ENCODING, encoding == null ? "none" : encoding)
                .putHeader(EchoResource.ECHO_LENGTH, length == null ? "none" : length)
                .end(body);
    }
}
