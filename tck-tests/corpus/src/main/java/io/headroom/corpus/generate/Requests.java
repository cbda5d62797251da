package io.headroom.corpus.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies of the three intercepted wire formats, each carrying tool calls and their outputs. */
final class Requests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Requests() {
    }

    /** OpenAI Chat Completions: system, user question, one assistant tool call, its tool output. */
    static ObjectNode chatWithToolCall(String model, String system, String question, String tool, String arguments,
            String output) {
        ObjectNode request = chat(model);
        ArrayNode messages = request.withArray("messages");
        message(messages, "system", system);
        message(messages, "user", question);
        toolCall(messages, "call_1", tool, arguments);
        toolResult(messages, "call_1", output);
        return request;
    }

    static ObjectNode chat(String model) {
        ObjectNode request = JSON.objectNode();
        request.put("model", model);
        request.putArray("messages");
        return request;
    }

    static void message(ArrayNode messages, String role, String content) {
        messages.addObject().put("role", role).put("content", content);
    }

    static void toolCall(ArrayNode messages, String id, String tool, String arguments) {
        ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
                .putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", arguments);
    }

    static void toolResult(ArrayNode messages, String id, String output) {
        messages.addObject().put("role", "tool").put("tool_call_id", id).put("content", output);
    }

    /** Anthropic Messages: a tool_use block answered by a tool_result block in the next user turn. */
    static ObjectNode anthropicWithToolUse(String model, String system, String question, String tool, String inputKey,
            String inputValue, String output) {
        ObjectNode request = JSON.objectNode();
        request.put("model", model);
        request.put("max_tokens", 1024);
        request.put("system", system);
        ObjectNode toolSpec = request.putArray("tools").addObject().put("name", tool).put("description", "Query logs");
        toolSpec.putObject("input_schema").put("type", "object").putObject("properties").putObject(inputKey)
                .put("type", "string");
        ArrayNode messages = request.putArray("messages");
        message(messages, "user", question);
        ArrayNode assistant = messages.addObject().put("role", "assistant").putArray("content");
        assistant.addObject().put("type", "text").put("text", "Let me look at the logs.");
        ObjectNode use = assistant.addObject().put("type", "tool_use").put("id", "toolu_01").put("name", tool);
        use.putObject("input").put(inputKey, inputValue);
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "toolu_01").put("content", output);
        return request;
    }

    /** OpenAI Responses: a function_call item answered by a function_call_output item. */
    static ObjectNode responsesWithFunctionCall(String model, String instructions, String question, String tool,
            String arguments, String output) {
        ObjectNode request = JSON.objectNode();
        request.put("model", model);
        request.put("instructions", instructions);
        ArrayNode input = request.putArray("input");
        input.addObject().put("role", "user").put("content", question);
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", tool)
                .put("arguments", arguments);
        input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", output);
        return request;
    }
}
