package io.headroom.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Context Tracker (issue 18 item 3) through {@link Headroom#process}: real multi-turn requests, as a client
 * resends them turn after turn, in each provider's shape.
 */
class ProactiveExpansionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEEDLE = "src/module5/auth_middleware.py";
    private static final String[] NOUNS = {"order", "cart", "payment", "invoice", "report", "search", "cache", "queue",
            "email", "user", "stock", "price", "review", "ticket", "export", "import", "upload", "audit", "session", "route"};
    private static final String[] ROLES = {"service", "handler", "model", "views", "utils", "client", "store", "worker",
            "mapper", "parser", "schema", "policy", "loader", "writer", "events"};
    private static final String QUESTION = "What about the auth middleware?";
    private static final String OPEN = "<headroom_proactive_expansion>";
    private static final String WORKSPACE = "You are a coding agent.\nPrimary working directory: /home/dev/shop\n";

    /** 300 files found by a search tool; one of them is the auth middleware, deep in the middle. */
    static String searchOutput() {
        ArrayNode files = JSON.createArrayNode();
        for (int i = 0; i < 300; i++) {
            String path = i == 157 ? NEEDLE : "src/module" + (i % 12) + "/" + NOUNS[i % 20] + "_" + ROLES[i / 20] + ".py";
            files.addObject().put("path", path).put("size", 1000 + i).put("kind", "file");
        }
        return files.toString();
    }

    /** An OpenAI chat conversation: a search, its result, an answer, then {@code nextQuestion} (if not null). */
    static ObjectNode chat(String system, String nextQuestion) {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        if (system != null) {
            m.addObject().put("role", "system").put("content", system);
        }
        m.addObject().put("role", "user").put("content", "Find every Python file in the repository.");
        ObjectNode call = m.addObject().put("role", "assistant");
        call.putNull("content");
        call.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "search_files").put("arguments", "{\"glob\":\"**/*.py\"}");
        m.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", searchOutput());
        if (nextQuestion != null) {
            m.addObject().put("role", "assistant").put("content", "I found 300 Python files.");
            m.addObject().put("role", "user").put("content", nextQuestion);
        }
        return root;
    }

    static Headroom headroom(Consumer<io.headroom.CcrConfig.Builder> ccr) {
        return Headroom.create(HeadroomConfig.builder().ccr(ccr).build());
    }

    static JsonNode send(Headroom headroom, Endpoint endpoint, ObjectNode body) throws Exception {
        RequestOutcome outcome = headroom.process(endpoint, JSON.writeValueAsBytes(body), null);
        return JSON.readTree(outcome.body());
    }

    static JsonNode last(JsonNode list) {
        return list.get(list.size() - 1);
    }

    /** The workspace's next request after the client trimmed its history: the system prompt and a new question. */
    static ObjectNode trimmedChat(String question) {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        root.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", WORKSPACE))
                .add(JSON.createObjectNode().put("role", "user").put("content", question));
        return root;
    }

    @Test
    void aDroppedItemMatchingTheNewUserMessageIsExpandedIntoIt() throws Exception {
        try (Headroom headroom = headroom(c -> { })) {
            JsonNode turn1 = send(headroom, Endpoint.OPENAI_CHAT, chat(WORKSPACE, null));
            String compressed = turn1.path("messages").get(3).path("content").asText();
            assertTrue(compressed.contains("items compressed to"), compressed);
            assertFalse(compressed.contains(NEEDLE), "the needle is among the dropped items");

            JsonNode turn2 = send(headroom, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION));
            JsonNode user = last(turn2.path("messages"));
            assertEquals("user", user.path("role").asText());
            JsonNode parts = user.path("content");
            assertEquals(2, parts.size(), "the user's own text, then the expansion");
            assertEquals("text", parts.get(0).path("type").asText());
            assertEquals(QUESTION, parts.get(0).path("text").asText(), "the user's text stays as sent");
            String block = parts.get(1).path("text").asText();
            assertTrue(block.startsWith(OPEN + "\n[Proactive Context Expansion - relevant to your query]"), block);
            assertTrue(block.endsWith("[End Proactive Expansion]\n</headroom_proactive_expansion>"), block);
            assertTrue(block.contains("\n\n--- Expanded from earlier (from search_files, 1 of 300 items compressed in "
                    + "turn 1, matching your query) ---\n{\"path\":\"" + NEEDLE + "\",\"size\":1157,\"kind\":\"file\"}\n"), block);
            assertEquals(1, headroom.stats().proactiveExpansions());
            assertEquals(1, headroom.stats().expandedItems());
            assertEquals(0, headroom.stats().ccrRetrievals(), "an expansion is not a retrieval by the model");
            RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, JSON.writeValueAsBytes(trimmedChat(QUESTION)), null);
            assertTrue(outcome.bodyChanged());
            assertTrue(outcome.tokensAfter() > outcome.tokensBefore(), "the added tokens are counted as sent");
        }
    }

    @Test
    void anItemTheResentOutputKeepsIsNotExpandedAgain() throws Exception {
        try (Headroom headroom = headroom(c -> { })) {
            send(headroom, Endpoint.OPENAI_CHAT, chat(null, null));
            // the whole history resent: SmartCrusher keeps what the new question asks for in the output itself
            JsonNode turn2 = send(headroom, Endpoint.OPENAI_CHAT, chat(null, QUESTION));
            assertTrue(turn2.path("messages").get(2).path("content").asText().contains(NEEDLE));
            assertEquals(QUESTION, last(turn2.path("messages")).path("content").asText());
            assertEquals(0, headroom.stats().proactiveExpansions());
        }
    }

    @Test
    void offWhenDisabled() throws Exception {
        try (Headroom on = headroom(c -> { }); Headroom off = headroom(c -> c.expansionEnabled(false))) {
            for (Headroom h : new Headroom[]{on, off}) {
                send(h, Endpoint.OPENAI_CHAT, chat(WORKSPACE, null));
            }
            assertTrue(last(send(on, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION)).path("messages"))
                    .path("content").isArray(), "control: expanded when enabled");
            JsonNode user = last(send(off, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION)).path("messages"));
            assertEquals(QUESTION, user.path("content").asText());
            assertEquals(0, off.stats().proactiveExpansions());
        }
    }

    @Test
    void aQuestionMatchingNoDroppedItemAddsNothing() throws Exception {
        try (Headroom headroom = headroom(c -> { })) {
            send(headroom, Endpoint.OPENAI_CHAT, chat(WORKSPACE, null));
            JsonNode user = last(send(headroom, Endpoint.OPENAI_CHAT, trimmedChat("Thanks, please summarise the weather")).path("messages"));
            assertEquals("Thanks, please summarise the weather", user.path("content").asText());
            assertTrue(last(send(headroom, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION)).path("messages"))
                    .path("content").isArray(), "control: the matching question of the same conversation is expanded");
            assertEquals(1, headroom.stats().proactiveExpansions());
        }
    }

    @Test
    void theTokenCapBoundsTheExpansion() throws Exception {
        try (Headroom capped = headroom(c -> c.expansionMaxTokens(5)); Headroom open = headroom(c -> { })) {
            for (Headroom h : new Headroom[]{capped, open}) {
                send(h, Endpoint.OPENAI_CHAT, chat(WORKSPACE, null));
            }
            assertTrue(last(send(open, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION)).path("messages"))
                    .path("content").isArray(), "control");
            // the one matching item is longer than 5 tokens: nothing fits, nothing is added
            assertEquals(QUESTION, last(send(capped, Endpoint.OPENAI_CHAT, trimmedChat(QUESTION)).path("messages"))
                    .path("content").asText());
        }
    }

    @Test
    void onlyOriginalsTheStoreStillHoldsAreExpanded() throws Exception {
        String workspace = "You are a coding agent.\nPrimary working directory: /home/dev/shop\n";
        // one original per scope: a later compression in the same scope pushes the first one out
        try (Headroom headroom = headroom(c -> c.scopeMaxEntries(1))) {
            send(headroom, Endpoint.OPENAI_CHAT, chat(workspace, null));
            // the client trimmed its history; the workspace (cwd line) still names the conversation
            ObjectNode trimmed = JSON.createObjectNode().put("model", "gpt-4o");
            trimmed.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", workspace))
                    .add(JSON.createObjectNode().put("role", "user").put("content", QUESTION));
            JsonNode held = last(send(headroom, Endpoint.OPENAI_CHAT, trimmed.deepCopy()).path("messages"));
            assertTrue(held.path("content").get(1).path("text").asText().contains(NEEDLE), "control: held, expanded");

            ObjectNode other = chat("Another assistant", null);
            ((ObjectNode) other.path("messages").get(3)).put("content", searchOutput().replace("_service", "_daemon"));
            send(headroom, Endpoint.OPENAI_CHAT, other); // evicts the first original from the scope
            JsonNode gone = last(send(headroom, Endpoint.OPENAI_CHAT, trimmed.deepCopy()).path("messages"));
            assertEquals(QUESTION, gone.path("content").asText(), "evicted: nothing expanded from memory");
        }
    }

    @Test
    void conversationsAndTenantsAreKeptApart() throws Exception {
        String workspace = "You are a coding agent.\nWorking directory: /home/dev/shop/\n";
        try (Headroom headroom = headroom(c -> { })) {
            send(headroom, Endpoint.OPENAI_CHAT, chat(null, null));
            send(headroom, Endpoint.OPENAI_CHAT, chat(workspace, null));
            // another conversation (its first user message differs), without a tool output of its own
            ObjectNode other = JSON.createObjectNode().put("model", "gpt-4o");
            other.putArray("messages").add(JSON.createObjectNode().put("role", "user").put("content", "Hello, who are you?"))
                    .add(JSON.createObjectNode().put("role", "assistant").put("content", "An assistant."))
                    .add(JSON.createObjectNode().put("role", "user").put("content", QUESTION));
            assertEquals(QUESTION, last(send(headroom, Endpoint.OPENAI_CHAT, other).path("messages")).path("content").asText());
            // the workspace's conversation, its history trimmed, asked in another tenant's scope
            ObjectNode trimmed = JSON.createObjectNode().put("model", "gpt-4o");
            trimmed.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", workspace))
                    .add(JSON.createObjectNode().put("role", "user").put("content", QUESTION));
            JsonNode tenant = JSON.readTree(headroom.process(Endpoint.OPENAI_CHAT, JSON.writeValueAsBytes(trimmed), null,
                    "tenant-b").body());
            assertEquals(QUESTION, last(tenant.path("messages")).path("content").asText());
            // control: in its own scope the same request is expanded (the trailing slash names the same workspace)
            ObjectNode noSlash = trimmed.deepCopy();
            ((ObjectNode) noSlash.path("messages").get(0)).put("content", workspace.replace("shop/", "shop"));
            assertTrue(last(send(headroom, Endpoint.OPENAI_CHAT, noSlash).path("messages")).path("content").isArray());
        }
    }

    @Test
    void anthropicMessages() throws Exception {
        try (Headroom headroom = headroom(c -> { })) {
            ObjectNode turn = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
            turn.put("system", "You are a coding agent.\ncwd: /home/dev/shop");
            ArrayNode m = turn.putArray("messages");
            m.addObject().put("role", "user").put("content", "Find every Python file in the repository.");
            ObjectNode use = m.addObject().put("role", "assistant");
            use.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "search_files")
                    .putObject("input").put("glob", "**/*.py");
            ObjectNode result = m.addObject().put("role", "user");
            result.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_1")
                    .put("content", searchOutput());
            send(headroom, Endpoint.ANTHROPIC_MESSAGES, turn.deepCopy());
            m.removeAll(); // the history compacted away by the agent; the workspace names the conversation
            m.addObject().put("role", "user").putArray("content").addObject().put("type", "text").put("text", QUESTION);
            JsonNode user = last(send(headroom, Endpoint.ANTHROPIC_MESSAGES, turn).path("messages"));
            assertEquals(QUESTION, user.path("content").get(0).path("text").asText());
            assertEquals("text", user.path("content").get(1).path("type").asText());
            assertTrue(user.path("content").get(1).path("text").asText().contains(NEEDLE));
        }
    }

    @Test
    void openAiResponsesWithOneStringInput() throws Exception {
        try (Headroom headroom = headroom(c -> { })) {
            ObjectNode turn = JSON.createObjectNode().put("model", "gpt-4o").put("instructions", "You are a coding agent.\nWorking directory: /home/dev/shop");
            ArrayNode input = turn.putArray("input");
            input.addObject().put("role", "user").put("content", "Find every Python file in the repository.");
            input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "search_files")
                    .put("arguments", "{}");
            input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", searchOutput());
            send(headroom, Endpoint.OPENAI_RESPONSES, turn.deepCopy());
            turn.put("input", QUESTION); // the history compacted away: one string input
            JsonNode user = last(send(headroom, Endpoint.OPENAI_RESPONSES, turn).path("input"));
            assertEquals("user", user.path("role").asText());
            assertEquals(QUESTION, user.path("content").get(0).path("text").asText());
            assertEquals("input_text", user.path("content").get(1).path("type").asText());
            assertTrue(user.path("content").get(1).path("text").asText().contains(NEEDLE));
        }
    }
}
