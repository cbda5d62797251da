package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Responses: {@code instructions} (never touched) and {@code input}, a string or an array of
 * items; tool results are {@code function_call_output} items whose {@code output} is a string (or an
 * array of text parts), named by the {@code function_call} item with the same {@code call_id}.
 */
final class OpenAiResponsesFormat implements WireFormat {

    @Override
    public ParsedRequest read(ObjectNode root) {
        String model = Nodes.string(root, "model");
        List<ToolOutput> outputs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Nodes.addIfPresent(texts, Nodes.string(root, "instructions"));
        JsonNode input = root.get("input");
        if (input == null) {
            return new ParsedRequest(model, null, outputs, texts);
        }
        if (input.isTextual()) {
            Nodes.addIfPresent(texts, input.textValue());
            return new ParsedRequest(model, Nodes.notBlank(input.textValue()) ? input.textValue() : null, outputs, texts);
        }
        if (!input.isArray()) {
            return new ParsedRequest(model, null, outputs, texts);
        }
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode item : input) {
            if ("function_call".equals(Nodes.string(item, "type"))) {
                String id = Nodes.string(item, "call_id");
                String name = Nodes.string(item, "name");
                if (id != null && name != null) {
                    toolNames.put(id, name);
                }
            }
        }
        String query = null;
        int index = 0;
        for (JsonNode i : input) {
            int fromEnd = input.size() - 1 - index++;
            if (!(i instanceof ObjectNode item)) {
                continue;
            }
            String type = Nodes.string(item, "type");
            if ("function_call_output".equals(type)) {
                String id = Nodes.string(item, "call_id");
                Nodes.addToolOutputs(outputs, item, "output", Nodes.nameFor(toolNames, id), id, fromEnd);
            } else if ("function_call".equals(type)) {
                Nodes.addIfPresent(texts, Nodes.string(item, "arguments"));
            } else if ("reasoning".equals(type)) {
                Nodes.addIfPresent(texts, Nodes.contentText(item.get("summary")));
            } else if (item.has("role")) { // a message item ("type": "message" or no type)
                String text = Nodes.contentText(item.get("content"));
                Nodes.addIfPresent(texts, text);
                if ("user".equals(Nodes.string(item, "role")) && Nodes.notBlank(text)) {
                    query = text;
                }
            }
        }
        return new ParsedRequest(model, query, outputs, texts);
    }
}
