package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tool calls of one non-streaming answer: the {@code headroom_retrieve} calls, and how many calls
 * of the client's own tools came with them.
 *
 * @param retrieveCalls calls of headroom_retrieve, in answer order
 * @param otherCalls    calls the client has to execute itself
 * @param complete      false when the answer was cut off (length / max_tokens / incomplete), so its
 *                      calls may carry truncated arguments
 */
public record RetrieveCalls(List<RetrieveCall> retrieveCalls, int otherCalls, boolean complete) {
    /** Responses output items the client has to act on (server-side tools like web_search_call are not). */
    private static final Set<String> CLIENT_CALL_TYPES = Set.of("function_call", "custom_tool_call", "computer_call",
            "local_shell_call", "shell_call", "apply_patch_call", "mcp_approval_request");

    public RetrieveCalls {
        retrieveCalls = List.copyOf(retrieveCalls);
    }

    /** Only headroom_retrieve calls, in a complete answer: the gateway can answer them all itself. */
    public boolean interceptable() {
        return complete && !retrieveCalls.isEmpty() && otherCalls == 0;
    }

    /** Finds the calls in an upstream answer of {@code endpoint}; anything unrecognised yields no calls. */
    public static RetrieveCalls find(Endpoint endpoint, JsonNode response, ObjectMapper mapper) {
        List<RetrieveCall> calls = new ArrayList<>();
        int others = 0;
        boolean complete = true;
        switch (endpoint) {
            case OPENAI_CHAT -> {
                JsonNode choices = response.path("choices");
                if (!choices.isArray() || choices.size() != 1) {
                    // n > 1 answers are alternatives; answering one choice's call would drop the others
                    return new RetrieveCalls(List.of(), choices.size() > 1 ? 1 : 0, true);
                }
                JsonNode choice = choices.get(0);
                complete = !"length".equals(choice.path("finish_reason").asText(""));
                JsonNode message = choice.path("message");
                if (message.has("function_call") && !message.get("function_call").isNull()) {
                    others++;
                }
                for (JsonNode call : message.path("tool_calls")) {
                    JsonNode fn = call.path("function");
                    if (RetrieveTool.NAME.equals(fn.path("name").asText(null))) {
                        calls.add(fromArguments(call.path("id").asText(""), fn.path("arguments"), mapper));
                    } else {
                        others++;
                    }
                }
            }
            case ANTHROPIC_MESSAGES -> {
                complete = !"max_tokens".equals(response.path("stop_reason").asText(""));
                for (JsonNode block : response.path("content")) {
                    if (!"tool_use".equals(block.path("type").asText(""))) {
                        continue;
                    }
                    if (RetrieveTool.NAME.equals(block.path("name").asText(null))) {
                        calls.add(fromArguments(block.path("id").asText(""), block.path("input"), mapper));
                    } else {
                        others++;
                    }
                }
            }
            case OPENAI_RESPONSES -> {
                complete = !"incomplete".equals(response.path("status").asText(""));
                for (JsonNode item : response.path("output")) {
                    String type = item.path("type").asText("");
                    if ("function_call".equals(type) && RetrieveTool.NAME.equals(item.path("name").asText(null))) {
                        calls.add(fromArguments(item.path("call_id").asText(""), item.path("arguments"), mapper));
                    } else if (CLIENT_CALL_TYPES.contains(type)) {
                        others++;
                    }
                }
            }
        }
        return new RetrieveCalls(calls, others, complete);
    }

    /** Arguments are a JSON object, or (OpenAI) a string holding one; anything else names no hash. */
    public static RetrieveCall fromArguments(String id, JsonNode arguments, ObjectMapper mapper) {
        JsonNode args = arguments;
        if (arguments != null && arguments.isTextual()) {
            try {
                args = arguments.asText().isBlank() ? null : mapper.readTree(arguments.asText());
            } catch (IOException e) {
                args = null;
            }
        }
        if (args == null || !args.isObject()) {
            return new RetrieveCall(id, null, null);
        }
        String hash = textOrNull(args.get("hash"));
        String query = textOrNull(args.get("query"));
        return new RetrieveCall(id, hash, query);
    }

    private static String textOrNull(JsonNode v) {
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
