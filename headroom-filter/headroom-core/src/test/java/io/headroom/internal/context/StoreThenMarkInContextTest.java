package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Store then mark in the context stage's two paths (deeper compression, the drop archive) with stores that
 * cannot hold the original: a closed store (it throws, as a network store does mid-outage) and an original
 * over {@code ccr.max-original-bytes}. No hash may reach the model and the request must still be fitted.
 */
class StoreThenMarkInContextTest {
    private static final TokenCounter TOKENS = new TokenCounter();

    private static ContextManager manager(HeadroomConfig config, CcrStore store) {
        return ContextManager.create(config, TOKENS, ModelRegistry.defaults(), store, Clock.systemUTC());
    }

    private static CcrStore closedStore() {
        CcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 1_000);
        store.close();
        return store;
    }

    @ParameterizedTest
    @EnumSource(value = ContextStrategy.class, names = {"INTELLIGENT", "ROLLING"})
    void aClosedStoreLeavesTheDropNoteWithoutAHash(ContextStrategy strategy) {
        HeadroomConfig config = HeadroomConfig.builder().context(c -> c.strategy(strategy).compressThreshold(0)).build();
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 100);

        ContextResult r = manager(config, closedStore()).apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(8000), true);

        assertTrue(r.changed() && r.messagesDropped() > 0 && r.fits(), r::toString);
        assertNull(r.droppedHash());
        assertEquals(List.of(), r.ccrHashes());
        assertFalse(root.toString().contains("hash="), "no retrieval marker without a stored original");
        assertNull(WireChecks.findNote(Conversations.list(Endpoint.OPENAI_CHAT, root)).hash());
    }

    @Test
    void aClosedStoreLeavesDeeperCompressionCandidatesAsSent() {
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 30);
        String sent = root.toString();
        HeadroomConfig config = HeadroomConfig.defaults();
        int total = Conversation.read(root.deepCopy(), new ChatShape(), TOKENS.forModel("gpt-4o"), 2).totalTokens();
        // slightly over budget: the intelligent strategy tries deeper compression first
        OptionalInt budget = OptionalInt.of(total - 200);
        ContextResult working = manager(config, new EhcacheCcrStore(Duration.ofHours(1), 1_000))
                .apply(Endpoint.OPENAI_CHAT, root.deepCopy(), budget, true);
        assertTrue(working.transforms().stream().anyMatch(t -> t.startsWith("deep_compress:")),
                () -> "the case exercises deeper compression with a working store: " + working);

        ContextResult r = manager(config, closedStore()).apply(Endpoint.OPENAI_CHAT, root, budget, true);

        assertTrue(r.transforms().stream().noneMatch(t -> t.startsWith("deep_compress:")), r::toString);
        assertEquals(List.of(), r.ccrHashes());
        assertFalse(root.toString().contains("hash="), "no retrieval marker without a stored original");
        for (var message : Conversations.list(Endpoint.OPENAI_CHAT, root)) {
            if ("tool".equals(message.path("role").asText())) {
                assertTrue(sent.contains(message.toString()), "a kept tool output is byte-identical to what was sent");
            }
        }
    }

    @Test
    void anArchiveOverMaxOriginalBytesIsNotStoredAndItsNoteHasNoHash() {
        EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 1_000);
        HeadroomConfig config = HeadroomConfig.builder()
                .context(c -> c.strategy(ContextStrategy.ROLLING))
                .ccr(c -> c.maxOriginalBytes(10_000))
                .build();
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 100);

        ContextResult r = manager(config, store).apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(8000), true);

        assertTrue(r.messagesDropped() > 0, r::toString);
        assertNull(r.droppedHash());
        assertEquals(0, store.stats().entries(), "nothing stored");
        assertFalse(root.toString().contains("hash="));
        store.close();
    }
}
