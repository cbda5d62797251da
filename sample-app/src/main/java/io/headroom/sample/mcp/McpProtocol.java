package io.headroom.sample.mcp;

import java.util.List;

/** The MCP revisions this server speaks and how it picks one for a client. */
final class McpProtocol {
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    /**
     * Newest first: {@link #negotiate} offers the newest to clients asking for one we do not know. A
     * tools-only server without server-initiated requests behaves the same under all of them; what differs
     * (structuredContent from 2025-06-18) is gated per session.
     */
    static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    static final String LATEST = SUPPORTED.get(0);
    /** What a request without the version header is taken to speak (the spec's backwards-compatibility rule). */
    static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private McpProtocol() {
    }

    /** The client's revision if we speak it, else our latest (the client then decides whether to go on). */
    static String negotiate(String requested) {
        return requested != null && SUPPORTED.contains(requested) ? requested : LATEST;
    }

    static boolean supports(String version) {
        return SUPPORTED.contains(version);
    }

    /** structuredContent in tool results exists from 2025-06-18 on; dates compare as text. */
    static boolean hasStructuredContent(String version) {
        return version.compareTo("2025-06-18") >= 0;
    }
}
