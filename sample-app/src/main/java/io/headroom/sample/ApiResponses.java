package io.headroom.sample;

import io.headroom.ErrorType;
import io.headroom.host.HttpStatuses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes JSON answers, and errors of Headroom's own endpoints in the shape {@code {"error": {"type", "message"}}}
 * (provider routes answer in the provider's shape: {@link ProviderErrors}).
 */
final class ApiResponses {
    private static final String JSON = "application/json";

    private ApiResponses() {
    }

    static void json(HttpServerResponse out, int status, byte[] body) {
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(body));
    }

    static void error(HttpServerResponse out, ErrorType type, String message) {
        error(out, HttpStatuses.of(type), type.wireName(), message);
    }

    /** An error of the gateway's own, outside the core's vocabulary (e.g. the daily budget's 429). */
    static void error(HttpServerResponse out, int status, String type, String message) {
        if (out.ended() || out.closed() || out.headWritten()) {
            return;
        }
        JsonObject error = new JsonObject()
                .put("error", new JsonObject().put("type", type).put("message", message));
        out.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(error.toBuffer());
    }
}
