package io.headroom.sample.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.core.ErrorType;
import io.headroom.core.Headroom;
import io.headroom.core.TenantScope;
import io.headroom.core.HeadroomException;
import io.headroom.core.RetrieveResult;
import io.headroom.sample.HeadroomMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code headroom_retrieve}: the original behind a hash from headroom_compress or from a CCR marker the
 * gateway put into a proxied request (one store serves both), byte-identical; with {@code query} only the
 * matching items. An unknown or expired hash is a tool error the model can read.
 */
@ApplicationScoped
public class RetrieveTool implements McpTool {
    static final String NAME = "headroom_retrieve";
    /** The original project names the store it answered from; here it is always the gateway's own. */
    private static final String SOURCE = "proxy";

    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final McpUsage usage;
    private final HeadroomMetrics metrics;

    public RetrieveTool(Headroom headroom, ObjectMapper mapper, McpUsage usage, HeadroomMetrics metrics) {
        this.headroom = headroom;
        this.mapper = mapper;
        this.usage = usage;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode descriptor() {
        ObjectNode tool = mapper.createObjectNode();
        tool.put("name", NAME);
        tool.put("title", "Retrieve original content");
        tool.put("description", "Retrieve the original, uncompressed content behind a hash from headroom_compress"
                + " or from a compression marker. With 'query', return only the items of the original that match it.");
        ObjectNode schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("hash").put("type", "string").put("description", "Hash key from a previous compression");
        props.putObject("query").put("type", "string").put("description", "Optional search within the original");
        schema.putArray("required").add("hash");
        return tool;
    }

    @Override
    public ObjectNode call(JsonNode args) {
        return call(args, TenantScope.SHARED);
    }

    /** Retrieves from the caller's scope only: another MCP client's hash is "not found". */
    @Override
    public ObjectNode call(JsonNode args, String tenantScope) {
        JsonNode hash = args.get("hash");
        if (hash == null || !hash.isTextual() || hash.asText().isBlank()) {
            throw new ToolFailure("'hash' must be a non-empty string");
        }
        JsonNode query = args.get("query");
        if (query != null && !query.isNull() && !query.isTextual()) {
            throw new ToolFailure("'query' must be a string");
        }
        String q = query == null || query.isNull() || query.asText().isBlank() ? null : query.asText();
        RetrieveResult r;
        try {
            r = headroom.retrieve(hash.asText(), q, tenantScope);
        } catch (HeadroomException e) {
            boolean missing = e.type() == ErrorType.NOT_FOUND;
            if (missing) {
                metrics.onRetrieval(false);
                usage.retrieved(hash.asText(), false, q);
                throw new ToolFailure("Entry not found or expired: " + hash.asText());
            }
            throw new ToolFailure(e.getMessage());
        }
        metrics.onRetrieval(true);
        usage.retrieved(r.hash(), true, q);
        ObjectNode out = mapper.createObjectNode();
        out.put("hash", r.hash());
        out.put("source", SOURCE);
        if (q == null) {
            out.put("original_content", r.originalContent());
            out.put("original_tokens", r.originalTokens());
            out.put("original_item_count", r.originalItemCount());
            out.put("compressed_item_count", r.compressedItemCount());
            out.put("tool_name", r.toolName());
            out.put("retrieval_count", r.retrievalCount());
        } else {
            out.put("query", q);
            ArrayNode results = out.putArray("results");
            r.matches().forEach(item -> results.add(structured(item)));
            out.put("count", r.matches().size());
        }
        return out;
    }

    /** JSON items come back as JSON (as /v1/retrieve does), so the model need not decode strings twice. */
    private JsonNode structured(String item) {
        String t = item.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return mapper.readTree(item);
            } catch (JsonProcessingException e) {
                // not JSON after all: keep the text
            }
        }
        return mapper.getNodeFactory().textNode(item);
    }
}
