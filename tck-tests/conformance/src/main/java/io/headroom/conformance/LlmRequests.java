package io.headroom.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Realistic LLM requests: an SRE agent whose tool returned 300 log records, one of which is the
 * error the user asks about. Generated from a fixed seed so every run sends the same bytes.
 */
public final class LlmRequests {
    public static final String SYSTEM = "You are an SRE assistant. Réponds en anglais, s'il te plaît.";
    public static final String QUERY = "The service went down around 10am — find the error, its error code and the request id ☕";
    public static final String ERROR_CODE = "E4716";
    public static final String ERROR_MESSAGE = "Connection pool exhausted on shard 2: 83 waiters, timeout after 8915ms";
    public static final String ERROR_REQUEST_ID = "req-b7c598601d4d";
    public static final List<String> NEEDLES = List.of(ERROR_CODE, ERROR_MESSAGE, ERROR_REQUEST_ID);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERVICES = {"api-gateway", "billing", "inventory", "ledger", "notifications", "search"};
    private static final int ITEMS = 300;
    /** Items of the log array in {@link #oversizedChat()}: several times any body the contract compresses. */
    private static final int OVERSIZED_ITEMS = 3000;
    private static final int ERROR_INDEX = 217;

    private LlmRequests() {
    }

    /** The tool output: a JSON array of log records, as a string. */
    public static String logs() {
        return logs(ITEMS);
    }

    private static String logs(int count) {
        Random random = new Random(20260314L);
        ArrayNode items = JSON.createArrayNode();
        LocalDateTime time = LocalDateTime.of(2026, 3, 14, 9, 0, 0);
        for (int i = 0; i < count; i++) {
            time = time.plusSeconds(2 + random.nextInt(5));
            ObjectNode item = items.addObject();
            item.put("timestamp", time + ".000Z");
            if (i == ERROR_INDEX) {
                item.put("level", "ERROR");
                item.put("service", "ledger");
                item.put("message", ERROR_MESSAGE);
                item.put("error_code", ERROR_CODE);
                item.put("request_id", ERROR_REQUEST_ID);
                item.put("latency_ms", 8915);
                item.put("status", 503);
            } else {
                item.put("level", "INFO");
                item.put("service", SERVICES[random.nextInt(SERVICES.length)]);
                item.put("message", "Request completed");
                item.put("request_id", String.format("req-%012x", random.nextLong() & 0xFFFFFFFFFFFFL));
                item.put("latency_ms", 10 + random.nextInt(50));
                item.put("status", 200);
            }
        }
        return write(items);
    }

    /** OpenAI Chat Completions: system, user, assistant tool call, tool result. */
    public static byte[] openAiChat() {
        return openAiChat(ITEMS);
    }

    private static byte[] openAiChat(int items) {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "gpt-4o");
        request.put("temperature", 0.2);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", QUERY);
        ObjectNode assistant = messages.addObject().put("role", "assistant").putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", "query_logs").put("arguments", "{\"since\": \"2026-03-14T09:00:00Z\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", logs(items));
        return bytes(request);
    }

    /** Anthropic Messages: top-level system, tool_use and a tool_result block. */
    public static byte[] anthropicMessages() {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "claude-sonnet-4-5");
        request.put("max_tokens", 1024);
        request.put("system", SYSTEM);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", QUERY);
        ArrayNode assistant = messages.addObject().put("role", "assistant").putArray("content");
        assistant.addObject().put("type", "text").put("text", "Let me look at the logs.");
        ObjectNode toolUse = assistant.addObject().put("type", "tool_use").put("id", "toolu_01").put("name", "query_logs");
        toolUse.putObject("input").put("since", "2026-03-14T09:00:00Z");
        ArrayNode result = messages.addObject().put("role", "user").putArray("content");
        result.addObject().put("type", "tool_result").put("tool_use_id", "toolu_01").put("content", logs());
        return bytes(request);
    }

    /** OpenAI Responses: input items with a function_call_output. */
    public static byte[] responses() {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "gpt-4o");
        request.put("instructions", SYSTEM);
        ArrayNode input = request.putArray("input");
        input.addObject().put("role", "user").put("content", QUERY);
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "query_logs")
                .put("arguments", "{\"since\": \"2026-03-14T09:00:00Z\"}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", logs());
        return bytes(request);
    }

    /** A request far below the compression threshold. */
    public static byte[] shortChat() {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "gpt-4o");
        request.putArray("messages").addObject().put("role", "user").put("content", "Say hello.");
        return bytes(request);
    }

    /** The chat request asking for a streamed answer ({@code "stream": true}). */
    public static byte[] streamingChat() {
        try {
            ObjectNode request = (ObjectNode) JSON.readTree(openAiChat());
            request.put("stream", true);
            return bytes(request);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chat request like {@link #openAiChat()} but with {@value #OVERSIZED_ITEMS} log records. */
    public static byte[] oversizedChat() {
        return openAiChat(OVERSIZED_ITEMS);
    }

    /** The large chat request with its closing brackets cut off. */
    public static byte[] truncatedChat() {
        byte[] valid = openAiChat();
        return java.util.Arrays.copyOf(valid, valid.length - 7);
    }

    /**
     * The large chat request with {@code "model"} given twice: RFC 8259 leaves its meaning open, so it is
     * not JSON Headroom may rewrite (parsers disagree which value wins).
     */
    public static byte[] duplicateKeyChat() {
        String valid = new String(openAiChat(), java.nio.charset.StandardCharsets.UTF_8);
        return ("{\"model\":\"gpt-4o-mini\"," + valid.substring(1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode node) {
        return write(node).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
