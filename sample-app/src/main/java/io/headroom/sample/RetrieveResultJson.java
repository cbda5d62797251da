package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.RetrieveResult;
import io.headroom.host.retrieve.RetrievedItems;

/**
 * The JSON fields of a CCR retrieval, shared by {@code POST /v1/retrieve} and the MCP
 * {@code headroom_retrieve} tool so both answer with the same names and item encoding.
 */
public final class RetrieveResultJson {

    private RetrieveResultJson() {
    }

    /** The byte-identical original and what the store knows about it. */
    public static void putOriginal(ObjectNode out, RetrieveResult r) {
        out.put("original_content", r.originalContent());
        out.put("original_tokens", r.originalTokens());
        out.put("original_item_count", r.originalItemCount());
        out.put("compressed_item_count", r.compressedItemCount());
        out.put("tool_name", r.toolName());
        out.put("retrieval_count", r.retrievalCount());
    }

    /** The query and the items of the original that matched it. */
    public static void putMatches(ObjectNode out, RetrieveResult r, String query, ObjectMapper mapper) {
        out.put("query", query);
        RetrievedItems.addAll(out.putArray("results"), r.matches(), mapper);
        out.put("count", r.matches().size());
    }
}
