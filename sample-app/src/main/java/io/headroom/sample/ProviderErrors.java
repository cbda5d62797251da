package io.headroom.sample;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own errors on provider routes, in the shape that provider's SDKs parse (as the original
 * proxy writes them): Anthropic {@code {"type":"error","error":{"type","message"}}}, OpenAI
 * {@code {"error":{"message","type","param","code"}}}. Headroom's own endpoints keep {@link ApiResponses}.
 */
enum ProviderErrors {
    OPENAI {
        @Override
        JsonObject body(Kind kind, String message) {
            return new JsonObject().put("error", new JsonObject()
                    .put("message", message)
                    .put("type", kind.openaiType)
                    .putNull("param")
                    .put("code", kind.openaiCode));
        }
    },
    ANTHROPIC {
        @Override
        JsonObject body(Kind kind, String message) {
            return new JsonObject()
                    .put("type", "error")
                    .put("error", new JsonObject().put("type", kind.anthropicType).put("message", message));
        }
    };

    /** What went wrong, with each provider's names for it. */
    enum Kind {
        /** The upstream could not be reached or broke off before answering. */
        UPSTREAM_UNAVAILABLE(502, "server_error", "proxy_error", "api_error"),
        /** The request body is not a JSON object. */
        INVALID_JSON(400, "invalid_request_error", "invalid_json", "invalid_request_error"),
        /** The request body is over the gateway's size limit. */
        TOO_LARGE(413, "invalid_request_error", "request_too_large", "request_too_large"),
        /** Today's spend is over the gateway's (or the caller's) daily budget. */
        BUDGET_EXCEEDED(429, "budget_exceeded", "budget_exceeded", "budget_exceeded");

        final int status;
        final String openaiType;
        final String openaiCode;
        final String anthropicType;

        Kind(int status, String openaiType, String openaiCode, String anthropicType) {
            this.status = status;
            this.openaiType = openaiType;
            this.openaiCode = openaiCode;
            this.anthropicType = anthropicType;
        }
    }

    abstract JsonObject body(Kind kind, String message);

    /** The shape of clients of {@code target}. */
    static ProviderErrors of(UpstreamTarget target) {
        return GatewayTargets.ANTHROPIC.equals(target.name()) ? ANTHROPIC : OPENAI;
    }

    /** The shape of clients of the LLM route {@code path}: Anthropic's for {@code /v1/messages}, else OpenAI's. */
    static ProviderErrors forPath(String path) {
        return path != null && path.startsWith("/v1/messages") ? ANTHROPIC : OPENAI;
    }

    /** Writes the error unless an answer has started (then nothing can be said any more). */
    void write(HttpServerResponse out, Kind kind, String message) {
        if (out.ended() || out.closed() || out.headWritten()) {
            return;
        }
        out.setStatusCode(kind.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body(kind, message).toBuffer());
    }
}
