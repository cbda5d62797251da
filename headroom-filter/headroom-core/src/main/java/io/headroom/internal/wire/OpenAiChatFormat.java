package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Chat Completions: {@code messages[]}; tool results are {@code role: "tool"} messages
 * (legacy {@code role: "function"} too) whose {@code content} is a string or an array of text parts.
 */
final class OpenAiChatFormat implements WireFormat {

    @Override
    public ParsedRequest read(ObjectNode root) {
        String model = Nodes.string(root, "model");
        JsonNode messages = root.get("messages");
        List<ToolOutput> outputs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String query = null;
        if (messages == null || !messages.isArray()) {
            return new ParsedRequest(model, null, outputs, texts);
        }
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode m : messages) {
            for (JsonNode call : m.path("tool_calls")) {
                String id = Nodes.string(call, "id");
                String name = Nodes.string(call.path("function"), "name");
                if (id != null && name != null) {
                    toolNames.put(id, name);
                }
            }
        }
        int index = 0;
        for (JsonNode m : messages) {
            int fromEnd = messages.size() - 1 - index++;
            if (!(m instanceof ObjectNode msg)) {
                continue;
            }
            String role = Nodes.string(msg, "role");
            if ("tool".equals(role)) {
                String id = Nodes.string(msg, "tool_call_id");
                Nodes.addToolOutputs(outputs, msg, "content", Nodes.nameFor(toolNames, id), id, fromEnd);
                continue;
            }
            if ("function".equals(role)) {
                Nodes.addToolOutputs(outputs, msg, "content", Nodes.string(msg, "name"), null, fromEnd);
                continue;
            }
            String text = Nodes.contentText(msg.get("content"));
            Nodes.addIfPresent(texts, text);
            for (JsonNode call : msg.path("tool_calls")) {
                Nodes.addIfPresent(texts, Nodes.string(call.path("function"), "arguments"));
            }
            Nodes.addIfPresent(texts, Nodes.string(msg.path("function_call"), "arguments"));
            if ("user".equals(role) && Nodes.notBlank(text)) {
                query = text;
            }
        }
        return new ParsedRequest(model, query, outputs, texts);
    }
}
