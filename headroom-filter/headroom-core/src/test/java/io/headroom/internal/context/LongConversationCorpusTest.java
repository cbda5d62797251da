package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.engine.CorpusCase;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The corpus case long_conversation_40 through the context manager alone, with its token_budget of 24000. */
class LongConversationCorpusTest {

    @Test
    void fitsItsBudgetWithToolPairsIntactAndProtectedMessagesKept() {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        ObjectNode root = (ObjectNode) c.request().deepCopy();
        ArrayNode before = (ArrayNode) c.request().get("messages");
        try (CcrStore ccr = new EhcacheCcrStore(Duration.ofHours(1), 100)) {
            ContextManager m = ContextManager.create(HeadroomConfig.defaults(), new TokenCounter(),
                    ModelRegistry.defaults(), ccr, Clock.systemUTC());
            ContextResult r = m.apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(24_000), true);

            ArrayNode after = (ArrayNode) root.get("messages");
            assertTrue(r.fits() && r.tokensAfter() <= 24_000, r::toString);
            double saved = 100.0 * (r.tokensBefore() - r.tokensAfter()) / r.tokensBefore();
            assertTrue(saved >= 30, "saved " + saved);
            WireChecks.assertToolPairing(Endpoint.OPENAI_CHAT, after);
            assertEquals(before.get(0), after.get(0));
            JsonNode last = after.get(after.size() - 1);
            assertEquals("Final step: which module defines f39_7?", last.get("content").textValue());
            assertEquals(before.get(before.size() - 1), last);
            assertTrue(root.toString().contains("def f39_7(x)"), "the tool output of the question's module is kept");
            assertTrue(ccr.retrieve(r.droppedHash()).isPresent());
            System.out.printf("long_conversation_40: %d -> %d tokens (%.1f%% saved), %d messages dropped, %s%n",
                    r.tokensBefore(), r.tokensAfter(), saved, r.messagesDropped(), r.transforms());
        }
    }
}
