package io.headroom.sample;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** The two upstreams, parsed and validated once at startup so a bad URL fails fast with its name. */
@ApplicationScoped
public class GatewayTargets {
    static final String OPENAI = "openai";
    static final String ANTHROPIC = "anthropic";

    private final UpstreamTarget openai;
    private final UpstreamTarget anthropic;

    public GatewayTargets(GatewayConfig config) {
        this.openai = UpstreamTarget.parse(OPENAI, config.openaiTargetUrl());
        this.anthropic = UpstreamTarget.parse(ANTHROPIC, config.anthropicTargetUrl());
    }

    /** Target of /v1/chat/completions and /v1/responses (OPENAI_TARGET_API_URL). */
    public UpstreamTarget openai() {
        return openai;
    }

    /** Target of /v1/messages (ANTHROPIC_TARGET_API_URL). */
    public UpstreamTarget anthropic() {
        return anthropic;
    }

    /**
     * Where a path the gateway does not serve itself goes, as the original proxy decides it: {@code /v1/messages/...}
     * (count_tokens, batches) to Anthropic; any other path to Anthropic when the client speaks Anthropic's API
     * (an {@code x-api-key} or {@code anthropic-version} header, or an {@code sk-ant-} bearer token, as Claude
     * Code sends on {@code GET /v1/models}), else to OpenAI.
     */
    public UpstreamTarget forPassThrough(HttpServerRequest request) {
        String path = request.path() == null ? "" : request.path();
        if (path.equals("/v1/messages") || path.startsWith("/v1/messages/")) {
            return anthropic;
        }
        String authorization = request.getHeader("authorization");
        boolean anthropicClient = request.getHeader("x-api-key") != null
                || request.getHeader("anthropic-version") != null
                || (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer sk-ant-"));
        return anthropicClient ? anthropic : openai;
    }
}
