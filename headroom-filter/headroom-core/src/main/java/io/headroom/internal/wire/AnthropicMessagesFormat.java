package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages: {@code system} (never touched) and {@code messages[]} whose content is a string
 * or an array of blocks; tool results are {@code tool_result} blocks in user messages, named by the
 * matching {@code tool_use} block.
 */
final class AnthropicMessagesFormat implements WireFormat {

    @Override
    public ParsedRequest read(ObjectNode root) {
        String model = Nodes.string(root, "model");
        List<ToolOutput> outputs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Nodes.addIfPresent(texts, Nodes.contentText(root.get("system")));
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray()) {
            return new ParsedRequest(model, null, outputs, texts);
        }
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode m : messages) {
            for (JsonNode block : m.path("content")) {
                if ("tool_use".equals(Nodes.string(block, "type"))) {
                    String id = Nodes.string(block, "id");
                    String name = Nodes.string(block, "name");
                    if (id != null && name != null) {
                        toolNames.put(id, name);
                    }
                }
            }
        }
        String query = null;
        int index = 0;
        for (JsonNode m : messages) {
            int fromEnd = messages.size() - 1 - index++;
            boolean user = "user".equals(Nodes.string(m, "role"));
            JsonNode content = m.get("content");
            if (content == null) {
                continue;
            }
            if (content.isTextual()) {
                Nodes.addIfPresent(texts, content.textValue());
                if (user && Nodes.notBlank(content.textValue())) {
                    query = content.textValue();
                }
                continue;
            }
            StringBuilder userText = new StringBuilder();
            for (JsonNode b : content) {
                if (!(b instanceof ObjectNode block)) {
                    continue;
                }
                String type = Nodes.string(block, "type");
                if ("tool_result".equals(type)) {
                    String id = Nodes.string(block, "tool_use_id");
                    Nodes.addToolOutputs(outputs, block, "content", Nodes.nameFor(toolNames, id), id, fromEnd);
                } else if ("text".equals(type)) {
                    String t = Nodes.string(block, "text");
                    Nodes.addIfPresent(texts, t);
                    if (user && Nodes.notBlank(t)) {
                        userText.append(userText.length() == 0 ? "" : "\n").append(t);
                    }
                } else if ("tool_use".equals(type) && block.has("input")) {
                    texts.add(block.get("input").toString());
                } else if ("thinking".equals(type)) {
                    Nodes.addIfPresent(texts, Nodes.string(block, "thinking"));
                }
            }
            // a user turn that only carries tool results is not the user's question
            if (userText.length() > 0) {
                query = userText.toString();
            }
        }
        return new ParsedRequest(model, query, outputs, texts);
    }
}
