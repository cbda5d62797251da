package io.headroom.sample;

import jakarta.enterprise.context.ApplicationScoped;

/** The two upstreams, parsed and validated once at startup so a bad URL fails fast with its name. */
@ApplicationScoped
public class GatewayTargets {
    private final UpstreamTarget openai;
    private final UpstreamTarget anthropic;

    public GatewayTargets(GatewayConfig config) {
        this.openai = UpstreamTarget.parse("openai", config.openaiTargetUrl());
        this.anthropic = UpstreamTarget.parse("anthropic", config.anthropicTargetUrl());
    }

    /** Target of /v1/chat/completions and /v1/responses (OPENAI_TARGET_API_URL). */
    public UpstreamTarget openai() {
        return openai;
    }

    /** Target of /v1/messages (ANTHROPIC_TARGET_API_URL). */
    public UpstreamTarget anthropic() {
        return anthropic;
    }
}
