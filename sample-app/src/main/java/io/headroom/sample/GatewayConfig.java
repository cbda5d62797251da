package io.headroom.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where the gateway forwards to and how patiently. Mapped from {@code headroom.gateway.*}, which
 * application.properties fills from the documented environment variables
 * (OPENAI_TARGET_API_URL, ANTHROPIC_TARGET_API_URL).
 */
@ConfigMapping(prefix = "headroom.gateway")
public interface GatewayConfig {

    /** Base URL for /v1/chat/completions and /v1/responses, with or without a path. */
    @WithDefault("https://api.openai.com")
    String openaiTargetUrl();

    /** Base URL for /v1/messages, with or without a path. */
    @WithDefault("https://api.anthropic.com")
    String anthropicTargetUrl();

    /** How long to wait for a TCP/TLS connection to the upstream. */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * How long the upstream may stay silent (no response byte) before the request fails with 502.
     * Generous because non-streaming completions of reasoning models can take minutes.
     */
    @WithDefault("10m")
    Duration idleTimeout();

    /** Pooled HTTP/1.1 connections per upstream host. */
    @WithDefault("100")
    int maxConnections();
}
