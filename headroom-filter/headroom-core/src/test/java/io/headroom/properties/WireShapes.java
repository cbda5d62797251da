package io.headroom.properties;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/** Renders a {@link Conversation} as an OpenAI Chat, Anthropic Messages or OpenAI Responses request. */
final class WireShapes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WireShapes() {
    }

    static ObjectNode render(Endpoint endpoint, Conversation c) {
        return switch (endpoint) {
            case OPENAI_CHAT -> chat(c);
            case ANTHROPIC_MESSAGES -> anthropic(c);
            case OPENAI_RESPONSES -> responses(c);
        };
    }

    private static ObjectNode chat(Conversation c) {
        ObjectNode root = root(c, "gpt-4o");
        ArrayNode messages = root.putArray("messages");
        if (c.system() != null) {
            extra(c, messages.addObject().put("role", "system").put("content", c.system()), true);
        }
        for (Conversation.Step s : c.steps()) {
            if (s instanceof Conversation.User u) {
                extra(c, messages.addObject().put("role", "user").put("content", u.text()), u.extra());
            } else if (s instanceof Conversation.Assistant a) {
                extra(c, messages.addObject().put("role", "assistant").put("content", a.text()), a.extra());
            } else if (s instanceof Conversation.ToolRound t) {
                ObjectNode call = messages.addObject().put("role", "assistant");
                call.putNull("content");
                ArrayNode calls = call.putArray("tool_calls");
                for (Conversation.Call k : t.calls()) {
                    ObjectNode tc = calls.addObject().put("id", k.id()).put("type", "function");
                    tc.putObject("function").put("name", k.name()).put("arguments", k.arguments());
                    extra(c, tc, k.extra());
                }
                for (Conversation.Call k : t.calls()) {
                    extra(c, messages.addObject().put("role", "tool").put("tool_call_id", k.id())
                            .put("content", k.output()), k.extra());
                }
            }
        }
        return root;
    }

    private static ObjectNode anthropic(Conversation c) {
        ObjectNode root = root(c, "claude-sonnet-4-20250514");
        root.put("max_tokens", 1024);
        if (c.system() != null) {
            root.put("system", c.system());
        }
        ArrayNode messages = root.putArray("messages");
        for (Conversation.Step s : c.steps()) {
            if (s instanceof Conversation.User u) {
                ObjectNode m = messages.addObject().put("role", "user");
                extra(c, m.putArray("content").addObject().put("type", "text").put("text", u.text()), u.extra());
            } else if (s instanceof Conversation.Assistant a) {
                extra(c, messages.addObject().put("role", "assistant").put("content", a.text()), a.extra());
            } else if (s instanceof Conversation.ToolRound t) {
                ArrayNode uses = messages.addObject().put("role", "assistant").putArray("content");
                ArrayNode results = messages.addObject().put("role", "user").putArray("content");
                for (Conversation.Call k : t.calls()) {
                    ObjectNode use = uses.addObject().put("type", "tool_use").put("id", k.id()).put("name", k.name());
                    use.putObject("input").put("arguments", k.arguments());
                    extra(c, use, k.extra());
                    extra(c, results.addObject().put("type", "tool_result").put("tool_use_id", k.id())
                            .put("content", k.output()), k.extra());
                }
            }
        }
        return root;
    }

    private static ObjectNode responses(Conversation c) {
        ObjectNode root = root(c, "gpt-4.1");
        if (c.system() != null) {
            root.put("instructions", c.system());
        }
        ArrayNode input = root.putArray("input");
        for (Conversation.Step s : c.steps()) {
            if (s instanceof Conversation.User u) {
                extra(c, input.addObject().put("role", "user").put("content", u.text()), u.extra());
            } else if (s instanceof Conversation.Assistant a) {
                ObjectNode m = input.addObject().put("type", "message").put("role", "assistant");
                m.putArray("content").addObject().put("type", "output_text").put("text", a.text());
                extra(c, m, a.extra());
            } else if (s instanceof Conversation.ToolRound t) {
                for (Conversation.Call k : t.calls()) {
                    extra(c, input.addObject().put("type", "function_call").put("call_id", k.id())
                            .put("name", k.name()).put("arguments", k.arguments()), k.extra());
                }
                for (Conversation.Call k : t.calls()) {
                    extra(c, input.addObject().put("type", "function_call_output").put("call_id", k.id())
                            .put("output", k.output()), k.extra());
                }
            }
        }
        return root;
    }

    private static ObjectNode root(Conversation c, String model) {
        ObjectNode root = JSON.objectNode().put("model", model);
        root.set(c.extraKey(), c.extraValue().deepCopy());
        return root;
    }

    private static void extra(Conversation c, ObjectNode node, boolean add) {
        if (add) {
            node.set(c.extraKey(), c.extraValue().deepCopy());
        }
    }
}
