package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Realistic LLM request bodies shared by the adapter tests: a 300-item JSON log array as tool
 * output with one ERROR item that compression must keep.
 */
public final class LlmRequests {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ERROR_NEEDLE = "DB-POOL-EXHAUSTED-4471";
    public static final String USER_QUESTION = "Why did the checkout requests fail around 10:02?";
    public static final String SYSTEM_PROMPT = "You are an SRE assistant. Answer from the tool output.";
    public static final int ITEMS = 300;

    private LlmRequests() {
    }

    public static ArrayNode logs() {
        ArrayNode logs = JSON.createArrayNode();
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = logs.addObject();
            item.put("id", i);
            item.put("timestamp", String.format("2025-03-14T10:%02d:%02dZ", i / 60, i % 60));
            item.put("service", "checkout-api");
            item.put("host", "checkout-" + (i % 4) + ".prod.internal");
            if (i == 137) {
                item.put("level", "ERROR");
                item.put("message", "database connection refused: pool exhausted code=" + ERROR_NEEDLE);
                item.put("status", 500);
            } else {
                item.put("level", "INFO");
                item.put("message", "request handled path=/cart/items/" + (i * 7 % 113) + " user=u" + (i * 31 % 997));
                item.put("status", 200);
            }
            item.put("latency_ms", 40 + (i * 13 % 37));
        }
        return logs;
    }

    public static String logsText() {
        return logs().toString();
    }

    public static byte[] openAiChat() {
        ObjectNode req = JSON.createObjectNode();
        req.put("model", "gpt-4o");
        req.put("temperature", 0.2);
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", USER_QUESTION);
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", "search_logs").put("arguments", "{\"service\":\"checkout-api\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", logsText());
        return bytes(req);
    }

    public static byte[] anthropicMessages() {
        ObjectNode req = JSON.createObjectNode();
        req.put("model", "claude-sonnet-4-5");
        req.put("max_tokens", 1024);
        req.put("system", SYSTEM_PROMPT);
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "user").put("content", USER_QUESTION);
        ArrayNode assistantBlocks = messages.addObject().put("role", "assistant").putArray("content");
        ObjectNode use = assistantBlocks.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "search_logs");
        use.putObject("input").put("service", "checkout-api");
        ArrayNode userBlocks = messages.addObject().put("role", "user").putArray("content");
        userBlocks.addObject().put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", logsText());
        return bytes(req);
    }

    public static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool output text of the last message of an OpenAI chat request. */
    public static String lastContent(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
