package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validity checks of a conversation after context management, per wire shape. */
final class WireChecks {
    static final Pattern NOTE = Pattern.compile("\\[(\\d+) earlier messages? dropped to fit the context window\\."
            + "(?: Retrieve them: hash=([0-9a-f]{24}))?]");

    private WireChecks() {
    }

    /** Every tool call has all its results right after it and every result has its call, in both directions. */
    static void assertToolPairing(Endpoint endpoint, ArrayNode list) {
        switch (endpoint) {
            case OPENAI_CHAT -> chatPairs(list);
            case ANTHROPIC_MESSAGES -> anthropicPairs(list);
            case OPENAI_RESPONSES -> responsesPairs(list);
        }
    }

    private static void chatPairs(ArrayNode list) {
        Set<String> calls = new HashSet<>();
        Set<String> results = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            if (m.has("tool_calls")) {
                Set<String> ids = new LinkedHashSet<>();
                m.get("tool_calls").forEach(c -> ids.add(c.get("id").textValue()));
                calls.addAll(ids);
                Set<String> answered = new LinkedHashSet<>();
                int j = i + 1;
                while (j < list.size() && "tool".equals(Conversations.text(list.get(j), "role"))) {
                    answered.add(list.get(j++).get("tool_call_id").textValue());
                }
                assertEquals(ids, answered, "results right after the assistant message at " + i);
            }
            if ("tool".equals(Conversations.text(m, "role"))) {
                results.add(m.get("tool_call_id").textValue());
                assertTrue(i > 0, "a tool message cannot come first");
            }
        }
        assertEquals(calls, results, "every call has a result and every result a call");
    }

    private static void anthropicPairs(ArrayNode list) {
        assertTrue(list.size() > 0);
        assertEquals("user", Conversations.text(list.get(0), "role"), "first message must be user");
        for (int i = 0; i < list.size(); i++) {
            String role = Conversations.text(list.get(i), "role");
            assertEquals(i % 2 == 0 ? "user" : "assistant", role, "alternation at " + i);
            Set<String> uses = blockIds(list.get(i), "tool_use", "id");
            Set<String> results = blockIds(list.get(i), "tool_result", "tool_use_id");
            if (!uses.isEmpty()) {
                assertTrue(i + 1 < list.size(), "tool_use in the last message");
                assertEquals(uses, blockIds(list.get(i + 1), "tool_result", "tool_use_id"), "results of " + i);
            }
            if (!results.isEmpty()) {
                assertTrue(i > 0, "tool_result in the first message");
                assertEquals(results, blockIds(list.get(i - 1), "tool_use", "id"), "calls of " + i);
                JsonNode content = list.get(i).get("content");
                for (int k = 0; k < results.size(); k++) {
                    assertEquals("tool_result", Conversations.text(content.get(k), "type"), "tool results come first");
                }
            }
        }
    }

    private static Set<String> blockIds(JsonNode message, String type, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode b : message.path("content")) {
            if (type.equals(Conversations.text(b, "type"))) out.add(b.get(field).textValue());
        }
        return out;
    }

    private static void responsesPairs(ArrayNode list) {
        Set<String> calls = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (JsonNode item : list) {
            String type = Conversations.text(item, "type");
            if ("function_call".equals(type)) calls.add(item.get("call_id").textValue());
            if ("function_call_output".equals(type)) {
                String id = item.get("call_id").textValue();
                assertTrue(calls.contains(id), "output " + id + " after its call");
                outputs.add(id);
            }
        }
        assertEquals(calls, outputs, "every call has an output and every output a call");
    }

    /** The note's hash (null if the note has none); fails when there is no note. */
    static Note findNote(ArrayNode list) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode content = list.get(i).get("content");
            List<String> texts = new ArrayList<>();
            if (content != null && content.isTextual()) texts.add(content.textValue());
            if (content != null && content.isArray()) content.forEach(b -> texts.add(Conversations.text(b, "text")));
            for (String t : texts) {
                if (t == null) continue;
                Matcher m = NOTE.matcher(t);
                if (m.matches()) return new Note(i, Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        fail("no dropped-messages note in the conversation");
        return null;
    }

    record Note(int index, int count, String hash) { }

    /** {@code list} without the note: the note message removed, or (Anthropic) the note block taken out again. */
    static List<JsonNode> withoutNote(Endpoint endpoint, ArrayNode list) {
        Note note = findNote(list);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (i != note.index()) {
                out.add(list.get(i));
            } else if (endpoint == Endpoint.ANTHROPIC_MESSAGES) {
                ObjectNode copy = list.get(i).deepCopy();
                ArrayNode blocks = (ArrayNode) copy.get("content");
                for (int k = 0; k < blocks.size(); k++) {
                    String t = Conversations.text(blocks.get(k), "text");
                    if (t != null && NOTE.matcher(t).matches()) {
                        blocks.remove(k);
                        break;
                    }
                }
                if (blocks.size() == 1 && "text".equals(Conversations.text(blocks.get(0), "type"))) {
                    copy.put("content", blocks.get(0).get("text").textValue()); // was a plain string
                }
                out.add(copy);
            }
        }
        assertNotNull(note);
        return out;
    }
}
