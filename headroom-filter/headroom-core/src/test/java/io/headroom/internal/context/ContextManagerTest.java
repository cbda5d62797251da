package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.ContextStrategy;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContextManagerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter();
    private final CcrStore ccr = new EhcacheCcrStore(Duration.ofHours(1), 1000);

    @AfterEach
    void close() {
        ccr.close();
    }

    private ContextManager manager(ContextStrategy strategy) {
        return manager(HeadroomConfig.builder().context(c -> c.strategy(strategy)).build());
    }

    private ContextManager manager(HeadroomConfig config) {
        return ContextManager.create(config, TOKENS, ModelRegistry.defaults(), ccr, Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void hundredTurnConversationFitsSmallBudgetIntelligent(Endpoint endpoint) throws Exception {
        fitsSmallBudget(endpoint, ContextStrategy.INTELLIGENT);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void hundredTurnConversationFitsSmallBudgetRolling(Endpoint endpoint) throws Exception {
        fitsSmallBudget(endpoint, ContextStrategy.ROLLING);
    }

    private void fitsSmallBudget(Endpoint endpoint, ContextStrategy strategy) throws Exception {
        ObjectNode root = Conversations.toolHeavy(endpoint, 100);
        ObjectNode original = root.deepCopy();
        ContextResult r = manager(strategy).apply(endpoint, root, OptionalInt.of(8000), true);

        assertTrue(r.changed());
        assertTrue(r.fits(), () -> "after " + r.tokensAfter());
        assertTrue(r.tokensAfter() <= 8000 && r.tokensBefore() > 8000 * 10, r::toString);
        String name = strategy == ContextStrategy.ROLLING ? RollingWindow.NAME : IntelligentContext.NAME;
        assertEquals(List.of(name + ":" + r.messagesDropped()), r.transforms());
        assertEquals(List.of(r.droppedHash()), r.ccrHashes());
        // an independent recount of the result agrees that it fits
        assertTrue(Conversation.read(root, MessageShape.of(endpoint), TOKENS.forModel(Conversations.text(root, "model")), 2)
                .totalTokens() <= 8000);

        ArrayNode list = Conversations.list(endpoint, root);
        ArrayNode before = Conversations.list(endpoint, original);
        WireChecks.assertToolPairing(endpoint, list);
        // system prompt and final question byte-identical
        for (String field : new String[] {"system", "instructions"}) {
            assertEquals(original.get(field), root.get(field));
        }
        if (endpoint != Endpoint.ANTHROPIC_MESSAGES) assertEquals(before.get(0), list.get(0), "system/developer message kept");
        assertEquals(MAPPER.writeValueAsString(before.get(before.size() - 1)),
                MAPPER.writeValueAsString(list.get(list.size() - 1)), "final user message byte-identical");

        WireChecks.Note note = WireChecks.findNote(list);
        assertEquals(r.droppedHash(), note.hash());
        assertEquals(r.messagesDropped(), note.count());
        String archived = ccr.retrieve(note.hash()).orElseThrow().entry().original();
        assertArchiveIsExactlyTheDropped(endpoint, before, list, archived, note.count());
    }

    /** kept + archived interleave back into the original, and the archive is the originals' exact serialization. */
    private static void assertArchiveIsExactlyTheDropped(Endpoint endpoint, ArrayNode before, ArrayNode after,
                                                         String archived, int count) throws Exception {
        List<JsonNode> kept = WireChecks.withoutNote(endpoint, after);
        JsonNode archive = MAPPER.readTree(archived);
        assertEquals(count, archive.size());
        ArrayNode expected = MAPPER.createArrayNode();
        int k = 0;
        int a = 0;
        for (JsonNode m : before) {
            if (k < kept.size() && kept.get(k).equals(m)) {
                k++;
            } else {
                assertTrue(a < archive.size() && archive.get(a).equals(m), "message missing from kept and archive: " + m);
                expected.add(m);
                a++;
            }
        }
        assertEquals(kept.size(), k);
        assertEquals(archive.size(), a);
        assertEquals(MAPPER.writeValueAsString(expected), archived, "archive byte-identical");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void rollingWindowKeepsTheNewest(Endpoint endpoint) {
        ObjectNode root = Conversations.toolHeavy(endpoint, 30);
        ArrayNode before = Conversations.list(endpoint, root).deepCopy();
        manager(ContextStrategy.ROLLING).apply(endpoint, root, OptionalInt.of(8000), true);
        List<JsonNode> kept = WireChecks.withoutNote(endpoint, Conversations.list(endpoint, root));
        int systemCount = endpoint == Endpoint.OPENAI_RESPONSES || endpoint == Endpoint.OPENAI_CHAT ? 1 : 0;
        // after the system entries, what is kept is exactly the newest tail of the original
        List<JsonNode> tail = new ArrayList<>();
        before.forEach(tail::add);
        tail = tail.subList(before.size() - (kept.size() - systemCount), before.size());
        assertEquals(tail, kept.subList(systemCount, kept.size()));
        assertTrue(kept.size() < before.size());
    }

    @Test
    void intelligentContextKeepsAnOldReferencedErrorOverABlandNewerMessage() {
        ObjectNode root = errorConversation();
        ContextManager manager = manager(HeadroomConfig.builder().context(c -> c.compressThreshold(0)).build());
        int total = Conversation.read(root.deepCopy(), new ChatShape(), TOKENS.forModel("gpt-4o"), 2).totalTokens();

        ContextResult r = manager.apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(total - 300), true);

        assertTrue(r.fits() && r.messagesDropped() > 0, r::toString);
        assertTrue(root.toString().contains("unknown key retry_limitz"), "old error kept");
        assertTrue(blandKept(root) < 4, "a bland newer tool output was dropped instead");
        WireChecks.assertToolPairing(Endpoint.OPENAI_CHAT, (ArrayNode) root.get("messages"));

        // the contrast: the rolling window drops the oldest, which is the error
        ObjectNode rolled = errorConversation();
        manager(ContextStrategy.ROLLING).apply(Endpoint.OPENAI_CHAT, rolled, OptionalInt.of(total - 300), true);
        assertFalse(rolled.toString().contains("unknown key retry_limitz"), "rolling dropped the old error");
        assertEquals(4, blandKept(rolled));
    }

    private static int blandKept(ObjectNode root) {
        int kept = 0;
        for (JsonNode msg : root.get("messages")) {
            if (msg.path("content").asText().startsWith("sunny and mild")) kept++;
        }
        return kept;
    }

    private static ObjectNode errorConversation() {
        ObjectNode root = Conversations.F.objectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", Conversations.SYSTEM);
        m.addObject().put("role", "user").put("content", "Run the deployment check.");
        String error = "Traceback (most recent call last):\n  File \"deploy/rollout.py\", line 88, in apply\n"
                + "ValueError: unknown key retry_limitz in settings/prod_config.yaml\nDeployment failed.\n"
                + "x ".repeat(300);
        addCall(m, "call_err", "run_check", error);
        m.addObject().put("role", "assistant").put("content", "The check failed; see the error above.");
        for (int t = 0; t < 4; t++) {
            m.addObject().put("role", "user").put("content", "Any news from the weather feed number " + t + "?");
            addCall(m, "call_w" + t, "weather", "sunny and mild today with a light breeze ".repeat(25));
            m.addObject().put("role", "assistant").put("content", "Nothing notable.");
        }
        m.addObject().put("role", "user").put("content",
                "Fix the retry_limitz problem in settings/prod_config.yaml that broke deploy/rollout.py.");
        m.addObject().put("role", "assistant").put("content", "Looking at settings/prod_config.yaml now.");
        m.addObject().put("role", "user").put("content", "Go ahead.");
        return root;
    }

    private static void addCall(ArrayNode m, String id, String tool, String output) {
        ObjectNode a = m.addObject().put("role", "assistant").putNull("content");
        a.putArray("tool_calls").addObject().put("id", id).put("type", "function")
                .putObject("function").put("name", tool).put("arguments", "{}");
        m.addObject().put("role", "tool").put("tool_call_id", id).put("content", output);
    }

    @ParameterizedTest
    @EnumSource(ContextStrategy.class)
    void nothingChangesUnderBudget(ContextStrategy strategy) {
        for (Endpoint endpoint : Endpoint.values()) {
            ObjectNode root = Conversations.toolHeavy(endpoint, 10);
            ObjectNode original = root.deepCopy();
            ContextResult r = manager(strategy).apply(endpoint, root, OptionalInt.of(200_000), true);
            assertFalse(r.changed());
            assertEquals(original, root);
            assertEquals(0, r.messagesDropped());
            assertNull(r.droppedHash());
            assertEquals(0, ccr.stats().stored());
        }
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aBudgetBelowTheProtectedPartDropsAllItCanAndSaysItDoesNotFit(Endpoint endpoint) throws Exception {
        ObjectNode root = Conversations.toolHeavy(endpoint, 20);
        ArrayNode before = Conversations.list(endpoint, root).deepCopy();
        ContextResult r = manager(ContextStrategy.INTELLIGENT).apply(endpoint, root, OptionalInt.of(500), true);
        assertTrue(r.changed());
        assertFalse(r.fits());
        ArrayNode list = Conversations.list(endpoint, root);
        WireChecks.assertToolPairing(endpoint, list);
        assertEquals(before.get(before.size() - 1), list.get(list.size() - 1));
        assertTrue(list.toString().contains(Conversations.question(19)), "the last two turns stay");
        assertFalse(list.toString().contains(Conversations.question(18)));
        assertArchiveIsExactlyTheDropped(endpoint, before, list,
                ccr.retrieve(r.droppedHash()).orElseThrow().entry().original(), r.messagesDropped());
    }

    @Test
    void strategyOffNeverDrops() {
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 40);
        ObjectNode original = root.deepCopy();
        assertFalse(manager(ContextStrategy.OFF).apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(1000), true).changed());
        assertEquals(original, root);
    }

    @Test
    void budgetIsTokenBudgetOrModelLimitMinusOutputBuffer() {
        ContextManager m = manager(HeadroomConfig.builder().context(c -> c.outputBufferTokens(8000)).build());
        assertEquals(5000, m.budget("gpt-4o", OptionalInt.of(5000)));
        assertEquals(ModelRegistry.defaults().contextLimit("gpt-4o") - 8000, m.budget("gpt-4o", OptionalInt.empty()));
        assertEquals(ModelRegistry.defaults().contextLimit("claude-sonnet-4-5") - 4000,
                manager(ContextStrategy.INTELLIGENT).budget("claude-sonnet-4-5", OptionalInt.empty()));
    }

    @Test
    void withoutTokenBudgetTheModelLimitApplies() {
        ModelRegistry small = ModelRegistry.defaults().withOverrides("{\"openai\":{\"context_limits\":{\"tiny-model\":12000}}}");
        ContextManager m = ContextManager.create(HeadroomConfig.defaults(), TOKENS, small, ccr, Clock.systemUTC());
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 40).put("model", "tiny-model");
        ContextResult r = m.apply(Endpoint.OPENAI_CHAT, root, OptionalInt.empty(), true);
        assertEquals(8000, r.budget());
        assertTrue(r.changed() && r.fits() && r.tokensAfter() <= 8000, r::toString);
    }

    @Test
    void smallOverflowIsFirstCompressedDeeperInsteadOfDropped() throws Exception {
        ObjectNode root = Conversations.F.objectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", Conversations.SYSTEM);
        m.addObject().put("role", "user").put("content", "List the open orders.");
        ArrayNode rows = MAPPER.createArrayNode();
        for (int i = 0; i < 120; i++) {
            rows.addObject().put("order_id", 10_000 + i).put("customer", "customer_" + (i % 17))
                    .put("status", "open").put("amount", 20 + (i * 37) % 500);
        }
        String json = MAPPER.writeValueAsString(rows);
        addCall(m, "call_orders", "orders", json);
        m.addObject().put("role", "assistant").put("content", "There are 120 open orders.");
        for (int t = 0; t < 3; t++) {
            m.addObject().put("role", "user").put("content", "And question " + t + "?");
            m.addObject().put("role", "assistant").put("content", "Answer " + t + ".");
        }
        int total = Conversation.read(root.deepCopy(), new ChatShape(), TOKENS.forModel("gpt-4o"), 2).totalTokens();
        int budget = (int) (total * 0.95); // 5% over: below the 10% compress threshold

        ContextResult r = manager(ContextStrategy.INTELLIGENT).apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(budget), true);

        assertTrue(r.fits(), r::toString);
        assertEquals(0, r.messagesDropped());
        assertEquals(List.of("deep_compress:1"), r.transforms());
        assertEquals(1, r.ccrHashes().size());
        assertEquals(json, ccr.retrieve(r.ccrHashes().get(0)).orElseThrow().entry().original());
        assertTrue(root.get("messages").get(3).get("content").textValue().contains("hash=" + r.ccrHashes().get(0)));
        assertEquals(11, root.get("messages").size(), "nothing dropped, no note");
    }

    @Test
    void ccrDisabledStillDropsWithANoteWithoutHash() {
        HeadroomConfig config = HeadroomConfig.builder().ccr(s -> s.enabled(false)).build();
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 30);
        ContextResult r = manager(config).apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(8000), true);
        assertTrue(r.fits() && r.messagesDropped() > 0);
        assertNull(r.droppedHash());
        assertNull(WireChecks.findNote((ArrayNode) root.get("messages")).hash());
        assertEquals(0, ccr.stats().stored());
    }

    @Test
    void auditStoresNothing() {
        ObjectNode root = Conversations.toolHeavy(Endpoint.ANTHROPIC_MESSAGES, 30);
        ContextResult r = manager(ContextStrategy.INTELLIGENT).apply(Endpoint.ANTHROPIC_MESSAGES, root, OptionalInt.of(8000), false);
        assertTrue(r.changed() && r.fits());
        assertTrue(r.ccrHashes().isEmpty());
        assertEquals(0, ccr.stats().stored());
    }

    @Test
    void configReadsContextOptions() {
        HeadroomConfig c = HeadroomConfig.fromMap(java.util.Map.of("context.strategy", "rolling",
                "context.keep-last-turns", "3", "context.output-buffer-tokens", "1000",
                "context.compress-threshold", "0.2", "context.recency-decay-rate", "0.3"));
        assertEquals(ContextStrategy.ROLLING, c.context().strategy());
        assertEquals(3, c.context().keepLastTurns());
        assertEquals(1000, c.context().outputBufferTokens());
        assertEquals(0.2, c.context().compressThreshold());
        assertEquals(0.3, c.context().recencyDecayRate());
        assertEquals(c.context().strategy(), c.toBuilder().build().context().strategy());
        HeadroomConfig d = HeadroomConfig.defaults();
        assertEquals(ContextStrategy.INTELLIGENT, d.context().strategy());
        assertEquals(2, d.context().keepLastTurns());
        assertEquals(4000, d.context().outputBufferTokens());
        assertEquals(0.1, d.context().compressThreshold());
        assertEquals(0.1, d.context().recencyDecayRate());
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.headroom.HeadroomException.class,
                () -> HeadroomConfig.fromMap(java.util.Map.of("context.strategy", "smart")));
        assertTrue(e.getMessage().contains("context.strategy"));
        assertNotNull(HeadroomConfig.fromMap(java.util.Map.of("context.strategy", "off")));
    }
}
