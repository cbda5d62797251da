package io.headroom.vertx;

import io.headroom.ErrorType;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HttpStatuses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** The errors the handler answers itself, with the JSON body of {@link ErrorBodies}; Vert.x 4.5 and 5 API only. */
final class ErrorReplies {
    private ErrorReplies() {
    }

    /**
     * Answers {@code type} and stops reading the request: any body bytes still arriving are dropped, and an
     * HTTP/1.1 connection is closed once the answer is written (its unread body would otherwise be parsed as
     * the next request).
     */
    static void answerAndStopReading(RoutingContext rc, ErrorType type, byte[] body) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        if (!request.isEnded()) {
            request.handler(chunk -> { }); // whoever was reading (a BodyHandler) keeps nothing more
            request.exceptionHandler(e -> { }); // nor fails the request when we close it: it is answered
        }
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            if (http1) {
                request.connection().close();
            }
            return;
        }
        response.setStatusCode(HttpStatuses.of(type)).putHeader(HttpHeaders.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE);
        if (http1) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(body)).onComplete(ar -> {
            if (http1) {
                closeAfterLinger(rc);
            }
        });
    }

    /** How long an answered HTTP/1.1 request may go on sending (into the void) before its connection is closed. */
    static final long LINGER_MILLIS = 2_000;

    /**
     * Closes the connection once the client stopped sending, or after {@link #LINGER_MILLIS}. Closing at once while
     * the client is still writing its body makes the kernel reset the connection, and a reset can destroy the
     * answer before the client read it (the client then sees no answer at all). The rest of the body is read and
     * dropped meanwhile: it costs bandwidth for at most the linger time, never memory.
     */
    private static void closeAfterLinger(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long timer = rc.vertx().setTimer(LINGER_MILLIS, id -> request.connection().close());
        request.endHandler(v -> {
            rc.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }
}
