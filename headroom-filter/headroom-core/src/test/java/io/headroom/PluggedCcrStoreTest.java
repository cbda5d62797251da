package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A {@link CcrStore} of the application's own, plugged in through the builder, is the one the pipeline uses. */
class PluggedCcrStoreTest {

    /** A plain map: the smallest honest store (it holds what it confirms). */
    static final class MapStore implements CcrStore {
        final Map<String, CcrEntry> entries = new ConcurrentHashMap<>();
        final AtomicLong retrievals = new AtomicLong();
        final AtomicBoolean refuse = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public boolean put(String scope, String hash, CcrEntry entry) {
            if (refuse.get()) {
                return false;
            }
            entries.put(scope + "|" + hash, entry);
            return true;
        }

        @Override
        public boolean contains(String scope, String hash) {
            return entries.containsKey(scope + "|" + hash);
        }

        @Override
        public Optional<CcrHit> retrieve(String scope, String hash) {
            CcrEntry e = entries.get(scope + "|" + hash);
            return e == null ? Optional.empty() : Optional.of(new CcrHit(hash, e, retrievals.incrementAndGet()));
        }

        @Override
        public CcrStats stats() {
            return new CcrStats(entries.size(), entries.size(), retrievals.get(), 0);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void originalsGoToThePluggedStoreAndComeBackByteIdentical() {
        MapStore store = new MapStore();
        RequestOutcome outcome;
        try (Headroom headroom = Headroom.builder(HeadroomConfig.defaults()).ccrStore(store).build()) {
            outcome = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            assertTrue(outcome.compressed());
            assertEquals(1, outcome.ccrHashes().size());
            String hash = outcome.ccrHashes().get(0);
            assertTrue(store.contains(hash), "stored in the plugged store");
            RetrieveResult back = headroom.retrieve(hash, null);
            assertEquals(LlmRequests.logsText(), back.originalContent());
            assertEquals(1, headroom.stats().ccrEntries());
        }
        assertTrue(store.closed.get(), "the Headroom closes the store it was given");
    }

    @Test
    void aStoreThatRefusesGetsNoMarker() {
        MapStore store = new MapStore();
        store.refuse.set(true);
        try (Headroom headroom = Headroom.builder(HeadroomConfig.defaults()).ccrStore(store).build()) {
            RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            assertTrue(outcome.ccrHashes().isEmpty());
            String forwarded = new String(outcome.body(), StandardCharsets.UTF_8);
            assertFalse(forwarded.contains("Retrieve more: hash="), "no marker for an original the store did not confirm");
            assertTrue(forwarded.contains(LlmRequests.ERROR_NEEDLE));
        }
    }
}
