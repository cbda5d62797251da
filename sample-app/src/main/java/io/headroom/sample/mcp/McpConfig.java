package io.headroom.sample.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The MCP endpoint at {@code /mcp}, mapped from {@code headroom.mcp.*}. */
@ConfigMapping(prefix = "headroom.mcp")
public interface McpConfig {

    /** Serve MCP over Streamable HTTP at /mcp. */
    @WithDefault("true")
    boolean enabled();

    /** A session nobody used for this long is dropped; its client must initialize again. */
    @WithDefault("1h")
    Duration sessionIdleTimeout();

    /** Open sessions at most; opening one more drops the least recently used of the caller holding the most. */
    @WithDefault("1000")
    int maxSessions();

    /**
     * Open sessions per caller (one credential, or all anonymous callers together); opening one more drops
     * that caller's least recently used, so a client initializing in a loop cannot push out anyone else's.
     */
    @WithDefault("32")
    int maxSessionsPerCaller();

    /** How often an open GET event stream receives an SSE comment, so proxies do not cut it. */
    @WithDefault("15s")
    Duration keepAliveInterval();
}
