package io.headroom.sample;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * 401 in the error shape the caller's client parses on that route: Anthropic's
 * {@code {"type":"error","error":{"type":"authentication_error","message"}}} on {@code /v1/messages} and below,
 * OpenAI's {@code {"error":{"message","type","param","code"}}} everywhere else (it is also the gateway's own
 * {@code {"error":{"type","message"}}} shape, so Headroom's endpoints and SDK read it too).
 */
final class AuthenticationErrors {
    static final String TYPE = "authentication_error";

    private AuthenticationErrors() {
    }

    static void write(HttpServerResponse out, String path, String message) {
        if (out.ended() || out.closed() || out.headWritten()) {
            return;
        }
        out.setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end(body(path, message).toBuffer());
    }

    static JsonObject body(String path, String message) {
        if (isAnthropicRoute(path)) {
            return new JsonObject().put("type", "error")
                    .put("error", new JsonObject().put("type", TYPE).put("message", message));
        }
        return new JsonObject().put("error", new JsonObject().put("message", message).put("type", TYPE)
                .putNull("param").put("code", "invalid_proxy_token"));
    }

    static boolean isAnthropicRoute(String path) {
        return path != null && (path.equals("/v1/messages") || path.startsWith("/v1/messages/"));
    }
}
