package io.headroom.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates LangChain4j messages to the OpenAI chat shape Headroom compresses, and the compressed
 * tool outputs back. Tool results are matched by {@code tool_call_id}, not by position, so the
 * mapping holds whatever Headroom does to the rest of the conversation.
 */
final class OpenAiChatMessages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArrayNode messages;
    /** Per input message: the tool_call_id its result was sent under; null for non-tool messages. */
    private final String[] resultKeys;

    private OpenAiChatMessages(ArrayNode messages, String[] resultKeys) {
        this.messages = messages;
        this.resultKeys = resultKeys;
    }

    static OpenAiChatMessages from(List<ChatMessage> input) {
        ArrayNode out = JSON.arrayNode();
        String[] keys = new String[input.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ChatMessage m = input.get(i);
            if (m instanceof SystemMessage s) {
                out.addObject().put("role", "system").put("content", s.text());
            } else if (m instanceof UserMessage u) {
                out.addObject().put("role", "user").put("content", text(u.contents()));
            } else if (m instanceof AiMessage a) {
                out.add(assistant(a));
            } else if (m instanceof ToolExecutionResultMessage t) {
                // A missing or repeated id would make the way back ambiguous; such results get a private key.
                String key = t.id() != null && used.add(t.id()) ? t.id() : "headroom-tool-result-" + i;
                used.add(key);
                keys[i] = key;
                ObjectNode tool = out.addObject().put("role", "tool").put("tool_call_id", key);
                if (t.toolName() != null) {
                    tool.put("name", t.toolName());
                }
                tool.put("content", text(t.contents()));
            } else {
                // Custom messages are not sent as chat turns by providers; counted as empty user text.
                out.addObject().put("role", "user").put("content", "");
            }
        }
        return new OpenAiChatMessages(out, keys);
    }

    ArrayNode messages() {
        return messages;
    }

    /**
     * The input messages with each single-text tool result replaced by its compressed text; every
     * other message is the very same instance.
     *
     * @return the new list and how many tool results changed
     */
    Rewritten applyCompressed(List<ChatMessage> input, JsonNode compressed) {
        Map<String, String> toolTexts = new HashMap<>();
        for (JsonNode m : compressed) {
            if ("tool".equals(m.path("role").asText()) && m.path("content").isTextual()) {
                toolTexts.put(m.path("tool_call_id").asText(), m.get("content").textValue());
            }
        }
        List<ChatMessage> out = new ArrayList<>(input.size());
        int changed = 0;
        for (int i = 0; i < input.size(); i++) {
            ChatMessage m = input.get(i);
            String text = resultKeys[i] == null ? null : toolTexts.get(resultKeys[i]);
            if (m instanceof ToolExecutionResultMessage t && t.hasSingleText() && text != null && !text.equals(t.text())) {
                out.add(ToolExecutionResultMessage.builder().id(t.id()).toolName(t.toolName()).text(text)
                        .isError(t.isError()).attributes(t.attributes()).build());
                changed++;
            } else {
                out.add(m);
            }
        }
        return new Rewritten(List.copyOf(out), changed);
    }

    record Rewritten(List<ChatMessage> messages, int toolResultsCompressed) {
    }

    private static ObjectNode assistant(AiMessage a) {
        ObjectNode msg = JSON.objectNode().put("role", "assistant");
        if (a.text() == null) {
            msg.putNull("content");
        } else {
            msg.put("content", a.text());
        }
        if (a.hasToolExecutionRequests()) {
            ArrayNode calls = msg.putArray("tool_calls");
            for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                ObjectNode call = calls.addObject().put("id", r.id()).put("type", "function");
                call.putObject("function").put("name", r.name()).put("arguments", r.arguments());
            }
        }
        return msg;
    }

    /** The text parts of a message; images, audio and files carry no text to compress. */
    private static String text(List<Content> contents) {
        StringBuilder sb = new StringBuilder();
        for (Content c : contents) {
            if (c instanceof TextContent t) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
