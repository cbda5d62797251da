package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.internal.engine.CorpusCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Context management through the public facade: /v1/compress with token_budget and the proxied path. */
class ContextIntegrationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void compressEnforcesTokenBudgetOnLongConversation40() {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        ObjectNode request = MAPPER.createObjectNode();
        request.set("messages", c.request().get("messages").deepCopy());
        request.put("model", "gpt-4o");
        request.put("token_budget", 24_000);
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            CompressResult r = h.compress(request);
            ArrayNode out = (ArrayNode) r.messages();
            assertTrue(r.tokensAfter() <= 24_000, "tokens_after " + r.tokensAfter());
            double saved = 100.0 * r.tokensSaved() / r.tokensBefore();
            assertTrue(saved >= 30, "saved " + saved);
            WireChecks.assertToolPairing(Endpoint.OPENAI_CHAT, out);
            for (String keep : c.mustKeep()) assertTrue(out.toString().contains(keep), keep);
            assertEquals(c.request().get("messages").get(0), out.get(0));
            assertEquals(c.request().get("messages").get(c.request().get("messages").size() - 1), out.get(out.size() - 1));
            assertTrue(r.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context:")), r.transformsApplied()::toString);
            String hash = WireChecks.findNote(out).hash();
            assertTrue(r.ccrHashes().contains(hash));
            assertTrue(h.retrieve(hash, null).originalContent().startsWith("[{\"role\":\"user\""));
            System.out.printf("long_conversation_40 via /v1/compress: %d -> %d tokens (%.1f%% saved), %s%n",
                    r.tokensBefore(), r.tokensAfter(), saved, r.transformsApplied());
        }
    }

    @Test
    void compressWithoutBudgetLeavesAConversationThatFitsTheModel() {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        ObjectNode request = MAPPER.createObjectNode();
        request.set("messages", c.request().get("messages").deepCopy());
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            CompressResult r = h.compress(request);
            assertFalse(r.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context")));
            assertEquals(c.request().get("messages").size(), r.messages().size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"OPENAI_CHAT", "OPENAI_RESPONSES"})
    void proxiedRequestOverTheModelLimitIsCutToFit(Endpoint endpoint) throws Exception {
        ObjectNode root = Conversations.toolHeavy(endpoint, 40).put("model", "gpt-3.5-turbo"); // 16,385 - 4,000
        byte[] body = MAPPER.writeValueAsBytes(root);
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            RequestOutcome o = h.process(endpoint, body, null);
            assertTrue(o.compressed() && !o.failedOpen());
            assertTrue(o.tokensAfter() <= 16_385 - 4_000, "tokens after " + o.tokensAfter());
            JsonNode out = MAPPER.readTree(o.body());
            ArrayNode list = Conversations.list(endpoint, (ObjectNode) out);
            WireChecks.assertToolPairing(endpoint, list);
            ArrayNode before = Conversations.list(endpoint, root);
            assertEquals(before.get(before.size() - 1), list.get(list.size() - 1));
            assertEquals(before.get(0), list.get(0));
            String hash = WireChecks.findNote(list).hash();
            assertTrue(o.ccrHashes().contains(hash));
            JsonNode archived = MAPPER.readTree(h.retrieve(hash, null).originalContent());
            assertEquals(WireChecks.findNote(list).count(), archived.size());

            RequestOutcome audit = h.process(endpoint, body, Mode.AUDIT);
            assertEquals(new String(body), new String(audit.body()), "audit forwards the original bytes");
            assertTrue(audit.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context:")));
        }
    }
}
