package io.headroom.sample.mcp;

import java.util.Locale;

/** Reads the Accept header of MCP requests: which of JSON and SSE the client takes. */
final class McpAccept {
    private McpAccept() {
    }

    /** True when the client takes JSON; a missing Accept header takes anything. */
    static boolean json(String accept) {
        return accept == null || accept.isBlank() || has(accept, "application/json") || has(accept, "application/*")
                || has(accept, "*/*");
    }

    static boolean eventStream(String accept) {
        return accept == null || accept.isBlank() || has(accept, "text/event-stream") || has(accept, "text/*")
                || has(accept, "*/*");
    }

    private static boolean has(String accept, String type) {
        for (String part : accept.split(",")) {
            String media = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (media.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
