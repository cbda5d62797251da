package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomException;
import io.headroom.ImageOutcome;
import io.headroom.host.TenantScope;
import jakarta.inject.Singleton;

/**
 * {@code headroom_compress}: compresses {@code content} (a text such as a file, JSON, logs or search
 * results) or a whole OpenAI-style {@code messages} array with the gateway's own pipeline. Originals go
 * to the gateway's CCR store, so {@code headroom_retrieve} and {@code POST /v1/retrieve} both find them. A
 * {@code messages} answer lists its images as {@code /v1/compress} does ({@code images},
 * {@code image_tokens_before/after}).
 */
@Singleton
public class CompressTool extends GatewayTool {
    static final String NAME = "headroom_compress";
    private static final String DEFAULT_MODEL = "gpt-4o";
    /** Content is compressed as the output of a tool call, the only place the pipeline compresses. */
    private static final String CONTENT_CALL_ID = "headroom_mcp_content";

    public CompressTool(Headroom headroom, ObjectMapper mapper, McpUsage usage) {
        super(NAME, "Compress content",
                "Compress large content (files, JSON, logs, search results) before reasoning over it."
                + " Pass 'content' (text) or 'messages' (an OpenAI-style chat messages array). Returns the"
                + " compressed text and a 'hash' to fetch the full original later with headroom_retrieve.",
                headroom, mapper, usage);
    }

    @Override
    ToolDescriptor arguments(ToolDescriptor schema) {
        return schema.string("content", "Text to compress")
                .arrayOfObjects("messages", "OpenAI-style chat messages; tool outputs get compressed")
                .string("model", "Model whose tokenizer counts tokens (default " + DEFAULT_MODEL + ")");
    }

    @Override
    public ObjectNode call(JsonNode args) {
        return call(args, TenantScope.SHARED);
    }

    /** Stores the originals in the caller's scope, where only the same caller's headroom_retrieve finds them. */
    @Override
    public ObjectNode call(JsonNode args, String tenantScope) {
        JsonNode content = args.get("content");
        JsonNode messages = args.get("messages");
        boolean hasContent = content != null && !content.isNull();
        boolean hasMessages = messages != null && !messages.isNull();
        if (hasContent == hasMessages) {
            throw new ToolFailure("pass exactly one of 'content' (a string) or 'messages' (an array)");
        }
        if (hasContent && !content.isTextual()) {
            throw new ToolFailure("'content' must be a string");
        }
        if (hasMessages && !messages.isArray()) {
            throw new ToolFailure("'messages' must be an array of chat messages");
        }
        JsonNode model = args.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw new ToolFailure("'model' must be a string");
        }
        ObjectNode request = mapper.createObjectNode();
        request.put("model", model == null || model.isNull() ? DEFAULT_MODEL : model.asText());
        request.set("messages", hasContent ? contentAsToolOutput(content.asText()) : messages);
        CompressResult result;
        try {
            result = headroom.compress(request, tenantScope);
        } catch (HeadroomException e) {
            throw new ToolFailure(e.getMessage());
        }
        return hasContent ? contentAnswer(content.asText(), result) : messagesAnswer(result);
    }

    private ArrayNode contentAsToolOutput(String content) {
        ArrayNode messages = mapper.createArrayNode();
        messages.addObject().put("role", "tool").put("tool_call_id", CONTENT_CALL_ID).put("content", content);
        return messages;
    }

    private ObjectNode contentAnswer(String original, CompressResult r) {
        String compressed = r.messages().path(0).path("content").asText(original);
        // one tool output yields at most one CCR entry; none when it was too small to compress
        String hash = r.ccrHashes().isEmpty() ? null : r.ccrHashes().get(0);
        usage.compressed(r.tokensBefore(), r.tokensAfter(), hash);
        ObjectNode out = mapper.createObjectNode();
        out.put("compressed", compressed);
        out.put("hash", hash);
        stats(out, r);
        if (hash == null) {
            out.put("note", "content returned unchanged (too small or not compressible); nothing stored");
        }
        return out;
    }

    private ObjectNode messagesAnswer(CompressResult r) {
        usage.compressed(r.tokensBefore(), r.tokensAfter(), r.ccrHashes().isEmpty() ? null : r.ccrHashes().get(0));
        ObjectNode out = mapper.createObjectNode();
        out.set("messages", r.messages());
        ArrayNode hashes = out.putArray("hashes");
        r.ccrHashes().forEach(hashes::add);
        stats(out, r);
        ImageOutcome.addTo(out, r.images()); // as /v1/compress names them
        return out;
    }

    private static void stats(ObjectNode out, CompressResult r) {
        out.put("original_tokens", r.tokensBefore());
        out.put("compressed_tokens", r.tokensAfter());
        out.put("tokens_saved", r.tokensSaved());
        out.put("savings_percent", McpUsage.percent(r.tokensSaved(), r.tokensBefore()));
        ArrayNode transforms = out.putArray("transforms");
        r.transformsApplied().forEach(transforms::add);
    }
}
