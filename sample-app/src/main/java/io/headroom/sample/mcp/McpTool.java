package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One tool of the MCP server. Implementations are CDI beans; the dispatcher lists and calls them by name. */
public interface McpTool {

    String name();

    /** The tools/list entry: name, title, description, inputSchema. */
    ObjectNode descriptor();

    /**
     * Runs the tool.
     *
     * @param arguments the call's arguments object (an empty object when the client sent none)
     * @return the result object, sent as JSON text content and, from 2025-06-18, as structuredContent
     * @throws ToolFailure when the arguments are unusable or the tool cannot answer
     */
    ObjectNode call(JsonNode arguments);

    /**
     * Runs the tool for a caller in CCR scope {@code tenantScope} (see {@code io.headroom.host.TenantScope}).
     * Tools that store or read CCR originals override this; the others ignore the scope.
     */
    default ObjectNode call(JsonNode arguments, String tenantScope) {
        return call(arguments);
    }
}
