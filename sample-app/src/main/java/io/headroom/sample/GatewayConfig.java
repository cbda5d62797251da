package io.headroom.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * Reverse proxies (IP literals or CIDR blocks) whose forwarding header is believed. Unset: forwarding
     * headers are never believed, and a request relayed through an untrusted peer has no known client.
     */
    Optional<List<String>> trustedProxies();

    /** The one header trusted proxies record the client in: Forwarded, X-Forwarded-For or X-Real-IP. */
    @WithDefault("X-Forwarded-For")
    String clientAddressHeader();

    /** Pipeline warm-up after a start before {@code GET /readyz} answers 200 ({@link WarmUp}); 0 turns it off. */
    @WithDefault("10s")
    Duration warmUp();
}
