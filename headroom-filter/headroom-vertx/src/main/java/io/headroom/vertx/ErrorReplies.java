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
                request.connection().close();
            }
        });
    }
}
