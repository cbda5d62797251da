package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.internal.engine.CorpusCase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline tells the router per tool output: its position from the end and the user's intent,
 * which decide whether code may be compressed.
 */
class PipelineRoutingTest {
    private final Headroom headroom = Headroom.create(HeadroomConfig.builder().codeCompression(code -> code.enabled(true)).build());

    @AfterEach
    void close() {
        headroom.close();
    }

    /** A chat whose tool output (the Python module) is followed by {@code laterTurns} user/assistant messages. */
    private static byte[] chat(String finalQuestion, int laterTurns) throws Exception {
        ObjectNode root = CorpusCase.MAPPER.createObjectNode();
        root.put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", "You are a coding assistant.");
        m.addObject().put("role", "user").put("content", "Open the reconciliation module.");
        ObjectNode call = m.addObject().put("role", "assistant");
        call.putNull("content");
        ObjectNode tc = call.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        tc.putObject("function").put("name", "read_file").put("arguments", "{\"path\": \"reconcile.py\"}");
        m.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", Fixtures.text("reconcile_module.py"));
        for (int i = 0; i < laterTurns; i++) {
            m.addObject().put("role", i % 2 == 0 ? "assistant" : "user").put("content", "Turn " + i + ".");
        }
        m.addObject().put("role", "user").put("content", finalQuestion);
        return CorpusCase.MAPPER.writeValueAsBytes(root);
    }

    @Test
    void olderCodeIsCompressedWhenEnabled() throws Exception {
        RequestOutcome r = headroom.process(Endpoint.OPENAI_CHAT, chat("Which classes does it define?", 4), null);
        assertTrue(r.compressed(), r.toString());
        List<String> t = r.transformsApplied();
        assertEquals(1, t.size());
        assertTrue(t.get(0).startsWith("router:code:"), t.toString());
    }

    @Test
    void codeInTheLastFourMessagesIsProtected() throws Exception {
        RequestOutcome r = headroom.process(Endpoint.OPENAI_CHAT, chat("Which classes does it define?", 2), null);
        assertFalse(r.compressed());
        assertTrue(r.transformsApplied().isEmpty());
    }

    @Test
    void codeIsProtectedWhenTheUserAsksToReviewIt() throws Exception {
        RequestOutcome r = headroom.process(Endpoint.OPENAI_CHAT, chat("Please review the reconciler.", 6), null);
        assertFalse(r.compressed());
        assertTrue(r.transformsApplied().isEmpty());
    }

    @Test
    void codeIsNotCompressedByDefault() throws Exception {
        try (Headroom defaults = Headroom.create(HeadroomConfig.defaults())) {
            RequestOutcome r = defaults.process(Endpoint.OPENAI_CHAT, chat("Which classes does it define?", 6), null);
            assertFalse(r.compressed());
        }
    }
}
