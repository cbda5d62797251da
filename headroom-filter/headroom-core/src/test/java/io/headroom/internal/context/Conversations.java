package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/** Generated tool-heavy conversations in the three wire shapes, deterministic. */
final class Conversations {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String SYSTEM = "You are a build assistant. Follow the repository conventions and cite log ids.";
    static final String FINAL_QUESTION = "Final question: summarize the status of svc_99 and anything still failing.";

    private Conversations() {
    }

    /** A user question, one or two tool calls with large outputs, and an assistant answer per turn; then a final question. */
    static ObjectNode toolHeavy(Endpoint endpoint, int turns) {
        return switch (endpoint) {
            case OPENAI_CHAT -> chat(turns);
            case ANTHROPIC_MESSAGES -> anthropic(turns);
            case OPENAI_RESPONSES -> responses(turns);
        };
    }

    static String question(int t) {
        return "Step " + t + ": inspect service svc_" + t + " and report its failing checks.";
    }

    static String answer(int t) {
        return "Service svc_" + t + " handled all sampled requests; no failing checks.";
    }

    static String logs(int t, String call) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("2026-01-01T00:").append(String.format("%02d", i)).append(":00Z svc_").append(t)
                    .append(" INFO request id=req_").append(t).append('_').append(call).append('_').append(i)
                    .append(" handled in ").append(17 + (i * 7 + t) % 90).append(" ms path=/api/v1/items/")
                    .append(i * 13 + t).append('\n');
        }
        return sb.toString();
    }

    static int calls(int t) {
        return t % 3 == 0 ? 2 : 1;
    }

    static String args(int t, int k) {
        return "{\"service\":\"svc_" + t + "\",\"page\":" + k + "}";
    }

    private static ObjectNode chat(int turns) {
        ObjectNode root = F.objectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", SYSTEM);
        for (int t = 0; t < turns; t++) {
            m.addObject().put("role", "user").put("content", question(t));
            ObjectNode a = m.addObject().put("role", "assistant").putNull("content");
            ArrayNode tc = a.putArray("tool_calls");
            for (int k = 0; k < calls(t); k++) {
                ObjectNode call = tc.addObject().put("id", "call_" + t + "_" + k).put("type", "function");
                call.putObject("function").put("name", "read_logs").put("arguments", args(t, k));
            }
            for (int k = 0; k < calls(t); k++) {
                m.addObject().put("role", "tool").put("tool_call_id", "call_" + t + "_" + k).put("content", logs(t, "c" + k));
            }
            m.addObject().put("role", "assistant").put("content", answer(t));
        }
        m.addObject().put("role", "user").put("content", FINAL_QUESTION);
        return root;
    }

    private static ObjectNode anthropic(int turns) {
        ObjectNode root = F.objectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        root.put("system", SYSTEM);
        ArrayNode m = root.putArray("messages");
        for (int t = 0; t < turns; t++) {
            m.addObject().put("role", "user").put("content", question(t));
            ArrayNode blocks = m.addObject().put("role", "assistant").putArray("content");
            blocks.addObject().put("type", "text").put("text", "Reading the logs of svc_" + t + ".");
            for (int k = 0; k < calls(t); k++) {
                ObjectNode use = blocks.addObject().put("type", "tool_use").put("id", "toolu_" + t + "_" + k)
                        .put("name", "read_logs");
                use.putObject("input").put("service", "svc_" + t).put("page", k);
            }
            ArrayNode results = m.addObject().put("role", "user").putArray("content");
            for (int k = 0; k < calls(t); k++) {
                results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_" + t + "_" + k)
                        .put("content", logs(t, "c" + k));
            }
            m.addObject().put("role", "assistant").putArray("content").addObject().put("type", "text").put("text", answer(t));
        }
        m.addObject().put("role", "user").put("content", FINAL_QUESTION);
        return root;
    }

    private static ObjectNode responses(int turns) {
        ObjectNode root = F.objectNode().put("model", "gpt-4o").put("instructions", SYSTEM);
        ArrayNode in = root.putArray("input");
        in.addObject().put("role", "developer").put("content", "Always cite log ids.");
        for (int t = 0; t < turns; t++) {
            in.addObject().put("type", "message").put("role", "user").put("content", question(t));
            for (int k = 0; k < calls(t); k++) {
                in.addObject().put("type", "function_call").put("call_id", "fc_" + t + "_" + k)
                        .put("name", "read_logs").put("arguments", args(t, k));
            }
            for (int k = 0; k < calls(t); k++) {
                in.addObject().put("type", "function_call_output").put("call_id", "fc_" + t + "_" + k)
                        .put("output", logs(t, "c" + k));
            }
            ObjectNode a = in.addObject().put("type", "message").put("role", "assistant");
            a.putArray("content").addObject().put("type", "output_text").put("text", answer(t));
        }
        in.addObject().put("type", "message").put("role", "user").put("content", FINAL_QUESTION);
        return root;
    }

    static ArrayNode list(Endpoint endpoint, ObjectNode root) {
        return (ArrayNode) root.get(endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages");
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
