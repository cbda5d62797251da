package io.headroom.conformance.downstream;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The downstream of a Vert.x host (plain Vert.x 4.5 or 5, or a Quarkus route): put a
 * {@code BodyHandler} before it, as Vert.x applications do, and it relays {@code rc.body()} to the stub
 * on a worker thread and streams the answer back chunk by chunk. Uses only API common to Vert.x 4.5 and 5.
 */
public final class RelayRoute implements Handler<RoutingContext> {
    private final Function<RoutingContext, Buffer> body;

    /** Relays {@code rc.body()}, as a Vert.x 4.5 or Quarkus route reads it. */
    public RelayRoute() {
        this(rc -> rc.body().buffer());
    }

    /** Relays the body {@code body} gives, e.g. {@code HeadroomHandler::body} on Vert.x 5. */
    public RelayRoute(Function<RoutingContext, Buffer> body) {
        this.body = body;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Buffer read = this.body.apply(rc);
        byte[] bytes = read == null ? new byte[0] : read.getBytes();
        String method = request.method().name();
        String uri = request.uri();
        HttpServerResponse response = rc.response();
        rc.vertx().executeBlocking(() -> {
            DownstreamRelay.Answer answer = DownstreamRelay.forward(method, uri, request::getHeader, bytes);
            response.setStatusCode(answer.status()).setChunked(true);
            if (answer.contentType() != null) {
                response.putHeader("Content-Type", answer.contentType());
            }
            try (InputStream in = answer.body()) {
                byte[] chunk = new byte[8192];
                int n;
                while ((n = in.read(chunk)) != -1) {
                    response.write(Buffer.buffer(java.util.Arrays.copyOf(chunk, n)));
                }
            }
            response.end();
            return null;
        }, false).onFailure(rc::fail);
    }
}
