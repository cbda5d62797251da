package io.headroom.sample.mcp;

import java.net.URI;
import java.util.Locale;

/**
 * The Origin check the MCP transport spec asks for against DNS rebinding: a browser page may use
 * {@code /mcp} only when it comes from this machine or from the host the request was addressed to.
 */
final class McpOrigins {
    private McpOrigins() {
    }

    static boolean allowed(String origin, String requestHost) {
        String host;
        try {
            host = URI.create(origin.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false; // "null" origins (sandboxed pages, files) are not trusted
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.")
                || requestHost != null && host.equals(requestHost.toLowerCase(Locale.ROOT));
    }
}
