package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import io.headroom.host.TenantScope;
import io.headroom.host.retrieve.RetrieveHashes;
import io.headroom.sample.RetrieveResultJson;
import jakarta.inject.Singleton;

/**
 * {@code headroom_retrieve}: the original behind a hash from headroom_compress or from a CCR marker the
 * gateway put into a proxied request (one store serves both), byte-identical; with {@code query} only the
 * matching items. An unknown or expired hash is a tool error the model can read.
 */
@Singleton
public class RetrieveTool extends GatewayTool {
    static final String NAME = "headroom_retrieve";
    /** The original project names the store it answered from; here it is always the gateway's own. */
    private static final String SOURCE = "proxy";

    public RetrieveTool(Headroom headroom, ObjectMapper mapper, McpUsage usage) {
        super(NAME, "Retrieve original content",
                "Retrieve the original, uncompressed content behind a hash from headroom_compress"
                + " or from a compression marker. With 'query', return only the items of the original that match it.",
                headroom, mapper, usage);
    }

    @Override
    ToolDescriptor arguments(ToolDescriptor schema) {
        return schema.string("hash", "Hash key from a previous compression")
                .string("query", "Optional search within the original")
                .required("hash");
    }

    @Override
    public ObjectNode call(JsonNode args) {
        return call(args, TenantScope.SHARED);
    }

    /** Retrieves from the caller's scope only: another MCP client's hash is "not found". */
    @Override
    public ObjectNode call(JsonNode args, String tenantScope) {
        JsonNode hash = args.get("hash");
        if (hash == null || !hash.isTextual()) {
            throw new ToolFailure("'hash' must be a string");
        }
        if (!RetrieveHashes.wellFormed(hash.asText())) {
            throw new ToolFailure("'hash' must be " + RetrieveHashes.FORMAT); // not looked up, not echoed
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
                usage.retrieved(hash.asText(), false, q);
                throw new ToolFailure("Entry not found or expired: " + hash.asText());
            }
            throw new ToolFailure(e.getMessage());
        }
        usage.retrieved(r.hash(), true, q);
        ObjectNode out = mapper.createObjectNode();
        out.put("hash", r.hash());
        out.put("source", SOURCE);
        if (q == null) {
            RetrieveResultJson.putOriginal(out, r);
        } else {
            RetrieveResultJson.putMatches(out, r, q, mapper);
        }
        return out;
    }
}
