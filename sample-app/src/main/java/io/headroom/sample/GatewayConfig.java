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

    /** Retries of upstream calls that failed before any answer byte reached the client ({@link RetryPolicy}). */
    Retry retry();

    /**
     * {@code headroom.gateway.retry.*}: the original proxy's retry settings (retry_enabled,
     * retry_max_attempts, retry_base_delay_ms, retry_max_delay_ms) with the same defaults, plus a deadline.
     */
    interface Retry {
        /** Off: every upstream answer and failure reaches the client after one attempt. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts in all, the first one included (1 to 10, as the original's --retry-max-attempts). */
        @WithDefault("3")
        int maxAttempts();

        /** Backoff before the second attempt; doubled for each further one, then jittered to 50-150 %. */
        @WithDefault("1s")
        Duration baseDelay();

        /** Upper bound of one backoff, also of a provider's {@code retry-after}. */
        @WithDefault("30s")
        Duration maxDelay();

        /**
         * No attempt starts after this much time from the first one: a wait that would end past it is not
         * taken, and the last answer (or a 502) goes to the client instead.
         */
        @WithDefault("60s")
        Duration deadline();
    }
}
