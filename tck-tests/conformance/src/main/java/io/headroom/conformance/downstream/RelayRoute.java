package io.headroom.conformance.downstream;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The downstream of a Vert.x host (plain Vert.x 4.5 or 5, or a Quarkus route): put {@link #jsonBodyHandler()}
 * before it, as a Vert.x gateway does, and it relays {@code rc.body()} to the stub on a worker thread and streams
 * the answer back chunk by chunk; a body nobody read (a form, multipart, any non-JSON body) it reads from the
 * request stream as sent. Uses only API common to Vert.x 4.5 and 5.
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

    /**
     * A {@link BodyHandler} for JSON bodies only: Vert.x's BodyHandler decodes form and multipart bodies into
     * attributes and uploads (answering 400 past its form limits, and keeping no raw multipart bytes), which a
     * gateway that forwards them must not do. Every other body is left for {@link RelayRoute} to read as sent.
     */
    public static Handler<RoutingContext> jsonBodyHandler() {
        BodyHandler bodyHandler = BodyHandler.create(false);
        return rc -> {
            String type = rc.request().getHeader("Content-Type");
            String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
                rc.next();
            } else {
                bodyHandler.handle(rc);
            }
        };
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Buffer read = this.body.apply(rc);
        if (read == null && !request.isEnded()) {
            // nobody read it: the bytes as the client sent them
            request.body().onSuccess(sent -> relay(rc, sent)).onFailure(rc::fail);
            request.resume();
            return;
        }
        relay(rc, read);
    }

    private void relay(RoutingContext rc, Buffer read) {
        HttpServerRequest request = rc.request();
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
            if (answer.retryAfter() != null) {
                response.putHeader("retry-after", answer.retryAfter());
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
