package io.headroom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.host.JsonCodec;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Each wire format's reader on structured, JSON-shaped requests whose every field may have the wrong
 * type: reading never throws and never modifies the tree, and the whole request then goes through
 * {@link Headroom#process} under the fail-open invariant.
 */
class WireFormatFuzzTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ROLES = {"system", "developer", "user", "assistant", "tool", "function", "", "USER"};
    private static final String[] TYPES = {"text", "tool_use", "tool_result", "thinking", "image", "message",
            "function_call", "function_call_output", "reasoning", "input_text", "output_text", ""};
    private static final String[] KEYS = {"role", "content", "type", "text", "id", "name", "tool_call_id",
            "tool_use_id", "call_id", "output", "input", "arguments", "function", "tool_calls", "summary", "x_extra"};
    private static final JsonCodec CODEC = new JsonCodec(Long.MAX_VALUE);
    private static Headroom headroom;

    @BeforeAll
    static void start() {
        headroom = Headroom.create(RequestInvariants.toolOutputsOnly(5));
    }

    @AfterAll
    static void stop() {
        headroom.close();
    }

    @FuzzTest(maxDuration = "5m")
    void readAndProcess(FuzzedDataProvider data) {
        Endpoint endpoint = data.pickValue(Endpoint.values());
        ObjectNode root = request(endpoint, data);
        ObjectNode pristine = root.deepCopy();
        ParsedRequest parsed = WireFormat.of(endpoint).read(root);
        assertNotNull(parsed);
        assertEquals(pristine, root, "reading a request modified it");
        for (ToolOutput t : parsed.toolOutputs()) {
            assertNotNull(t.text());
        }
        byte[] body = CODEC.write(root);
        RequestInvariants.check(headroom, endpoint, body, headroom.process(endpoint, body, Mode.OPTIMIZE));
    }

    private static ObjectNode request(Endpoint endpoint, FuzzedDataProvider data) {
        ObjectNode root = JSON.objectNode();
        root.put("model", data.pickValue(new String[] {"gpt-4o", "claude-sonnet-4", "o3", "unknown-model"}));
        String list = endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages";
        if (data.consumeBoolean()) {
            root.set(endpoint == Endpoint.OPENAI_RESPONSES ? "instructions" : "system", value(data, 2));
        }
        int n = data.consumeInt(0, 12);
        ArrayNode items = root.putArray(list);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            items.add(data.consumeInt(0, 9) == 0 ? value(data, 2) : item(data, 3));
        }
        if (data.consumeBoolean()) {
            root.set(data.pickValue(new String[] {"tools", "tool_choice", "metadata", "stream"}), value(data, 2));
        }
        return root;
    }

    /** A message / block / item: an object with mostly known keys, each holding any kind of value. */
    private static ObjectNode item(FuzzedDataProvider data, int depth) {
        ObjectNode o = JSON.objectNode();
        if (data.consumeBoolean()) o.put("role", data.pickValue(ROLES));
        if (data.consumeBoolean()) o.put("type", data.pickValue(TYPES));
        int fields = data.consumeInt(0, 5);
        for (int i = 0; i < fields && data.remainingBytes() > 0; i++) {
            String key = data.pickValue(KEYS);
            o.set(key, data.consumeInt(0, 3) == 0 && depth > 0 ? blocks(data, depth - 1) : value(data, depth - 1));
        }
        return o;
    }

    private static ArrayNode blocks(FuzzedDataProvider data, int depth) {
        ArrayNode a = JSON.arrayNode();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            a.add(data.consumeBoolean() ? item(data, depth) : value(data, depth));
        }
        return a;
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 6 : 4)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(data.consumeBoolean());
            case 2 -> JSON.numberNode(data.consumeLong());
            case 3, 4 -> JSON.textNode(data.consumeString(data.consumeInt(0, 2000)));
            case 5 -> blocks(data, depth - 1);
            default -> item(data, depth - 1);
        };
    }
}
