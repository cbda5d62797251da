package io.headroom.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.BlockKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits messages into {@link RequestBlock}s: the same texts the pipeline reads (content strings and text
 * parts, tool-call arguments, tool results), one block each. Reads OpenAI chat messages and Anthropic ones
 * ({@code tool_use} blocks as tool calls, {@code tool_result} blocks as tool results, named after their call).
 * Never modifies the tree.
 */
final class RequestBlocks {
    private final Map<String, String> toolNames;

    private RequestBlocks(Map<String, String> toolNames) {
        this.toolNames = toolNames;
    }

    /** A reader that names tool results after the calls in {@code messages}. */
    static RequestBlocks of(JsonNode messages) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode m : messages) {
            for (JsonNode call : m.path("tool_calls")) {
                String id = string(call, "id");
                String name = string(call.path("function"), "name");
                if (id != null && name != null) names.put(id, name);
            }
            for (JsonNode block : m.path("content")) {
                String id = string(block, "id");
                String name = string(block, "name");
                if ("tool_use".equals(string(block, "type")) && id != null && name != null) names.put(id, name);
            }
        }
        return new RequestBlocks(names);
    }

    /** The blocks of one message, in reading order: its content, then its tool calls. */
    List<RequestBlock> read(JsonNode message, int index) {
        List<RequestBlock> out = new ArrayList<>();
        String role = string(message, "role");
        BlockKind kind = kindOfRole(role);
        String toolName = null;
        if (kind == BlockKind.TOOL_RESULT) {
            toolName = "function".equals(role) ? string(message, "name") : nameFor(string(message, "tool_call_id"));
        }
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            out.add(new RequestBlock(index, null, role, kind, toolName, content.textValue()));
        } else if (content != null && content.isArray()) {
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                String type = string(part, "type");
                if ("tool_use".equals(type)) {
                    out.add(new RequestBlock(index, p, role, BlockKind.TOOL_CALL, string(part, "name"),
                            part.has("input") ? part.get("input").toString() : ""));
                } else if ("tool_result".equals(type)) {
                    out.add(new RequestBlock(index, p, role, BlockKind.TOOL_RESULT,
                            nameFor(string(part, "tool_use_id")), toolResultText(part.get("content"))));
                } else {
                    String text = part.isTextual() ? part.textValue() : string(part, "text");
                    if (text != null) out.add(new RequestBlock(index, p, role, kind, toolName, text));
                }
            }
        }
        JsonNode calls = message.path("tool_calls");
        for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            String args = string(call.path("function"), "arguments");
            out.add(new RequestBlock(index, c, role, BlockKind.TOOL_CALL, string(call.path("function"), "name"),
                    args == null ? "" : args));
        }
        JsonNode legacy = message.get("function_call");
        if (legacy != null && legacy.isObject()) {
            String args = string(legacy, "arguments");
            out.add(new RequestBlock(index, null, role, BlockKind.TOOL_CALL, string(legacy, "name"),
                    args == null ? "" : args));
        }
        return out;
    }

    /** A tool_result's content: its string, or its text blocks joined by newlines. */
    private static String toolResultText(JsonNode content) {
        if (content == null) return "";
        if (content.isTextual()) return content.textValue();
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            String t = string(block, "text");
            if (t != null) text.append(text.length() == 0 ? "" : "\n").append(t);
        }
        return text.toString();
    }

    private String nameFor(String callId) {
        return callId == null ? null : toolNames.get(callId);
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** The kind of a message's content by its role; {@link BlockKind#TEXT} for roles without a kind of their own. */
    private static BlockKind kindOfRole(String role) {
        if (role == null) return BlockKind.TEXT;
        return switch (role) {
            case "system", "developer" -> BlockKind.SYSTEM;
            case "user" -> BlockKind.USER;
            case "assistant" -> BlockKind.ASSISTANT;
            case "tool", "function" -> BlockKind.TOOL_RESULT;
            default -> BlockKind.TEXT;
        };
    }
}
