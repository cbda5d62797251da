package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.headroom.ContextStrategy;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.tokens.ModelRegistry;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Store then mark, in the context stage: when the store refuses an original (its scope quota or the whole
 * store is full), neither the drop note nor a deeper-compressed output may carry that original's hash.
 */
class RefusedOriginalsTest {
    private static final TokenCounter TOKENS = new TokenCounter();

    @ParameterizedTest
    @EnumSource(value = ContextStrategy.class, names = {"INTELLIGENT", "ROLLING"})
    void noHashReachesTheModelForAnOriginalTheStoreRefused(ContextStrategy strategy) {
        FullStore full = new FullStore();
        HeadroomConfig config = HeadroomConfig.builder().context(c -> c.strategy(strategy).compressThreshold(0)).build();
        ContextManager manager = ContextManager.create(config, TOKENS, ModelRegistry.defaults(), full, Clock.systemUTC());
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 100);

        ContextResult r = manager.apply(Endpoint.OPENAI_CHAT, root, OptionalInt.of(8000), true);

        assertTrue(r.changed() && r.messagesDropped() > 0, r::toString);
        assertTrue(full.refused.get() > 0, "the stage offered originals to the store");
        assertNull(r.droppedHash());
        assertEquals(List.of(), r.ccrHashes());
        assertFalse(root.toString().contains("hash="), "no retrieval marker without a stored original");
        assertNull(WireChecks.findNote(Conversations.list(Endpoint.OPENAI_CHAT, root)).hash());
    }

    /** A store with no room left: it refuses every original, as the SPI allows. */
    private static final class FullStore implements CcrStore {
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public boolean put(String scope, String hash, CcrEntry entry) {
            refused.incrementAndGet();
            return false;
        }

        @Override
        public boolean contains(String scope, String hash) {
            return false;
        }

        @Override
        public Optional<CcrHit> retrieve(String scope, String hash) {
            return Optional.empty();
        }

        @Override
        public CcrStats stats() {
            return new CcrStats(0, 0, 0, 0);
        }
    }
}
