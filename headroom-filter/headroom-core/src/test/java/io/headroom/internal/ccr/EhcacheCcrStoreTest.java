package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EhcacheCcrStoreTest {

    private static CcrEntry entry(String original) {
        return new CcrEntry(original, 123, 100, 15, "query_logs", Instant.parse("2026-03-14T10:00:00Z"));
    }

    @Test
    void hashIsTruncatedSha256Hex() {
        String h = ContentHash.of("hello");
        assertEquals(24, h.length());
        // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
        assertEquals("2cf24dba5fb0a30e26e83b2a", h);
        assertTrue(ContentHash.looksLikeHash(h));
        assertFalse(ContentHash.looksLikeHash("2CF24DBA5FB0A30E26E83B2A"));
        assertEquals(h, ContentHash.of("hello"));
    }

    @Test
    void returnsTheOriginalByteIdenticalWithMetadataAndCounts() {
        String original = "[{\"msg\":\"caf\u00e9 \u2603 \\u0000\",\"n\":1.10}]\n  \t";
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMinutes(5), 100)) {
            String hash = ContentHash.of(original);
            store.put(hash, entry(original));
            CcrHit first = store.retrieve(hash).orElseThrow();
            assertEquals(original, first.entry().original());
            assertEquals(123, first.entry().originalTokens());
            assertEquals(100, first.entry().originalItemCount());
            assertEquals(15, first.entry().compressedItemCount());
            assertEquals("query_logs", first.entry().toolName());
            assertEquals(1, first.retrievalCount());
            assertEquals(2, store.retrieve(hash).orElseThrow().retrievalCount());
            assertTrue(store.retrieve("000000000000000000000000").isEmpty());

            store.put(hash, entry(original)); // the same original again, e.g. the next conversation turn
            assertEquals(3, store.retrieve(hash).orElseThrow().retrievalCount(), "re-storing keeps the count");
            CcrStats stats = store.stats();
            assertEquals(List.of(1L, 1L, 3L, 1L), List.of(stats.entries(), stats.stored(), stats.retrievals(), stats.misses()));
            assertEquals(StoredOriginalSerializer.encodedSize(entry(original)), stats.bytes());
        }
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() throws Exception {
        ManualTime time = new ManualTime();
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMillis(300), 100, ScopeQuota.NONE, time)) {
            store.put("a", entry("A"));
            assertTrue(store.contains("a"));
            time.advance(Duration.ofMillis(299));
            assertTrue(store.contains("a"), "still alive just before its time-to-live");
            time.advance(Duration.ofMillis(400));
            assertFalse(store.contains("a"));
            assertTrue(store.retrieve("a").isEmpty());
            assertEquals(0, store.stats().entries());
            assertEquals(1, store.stats().misses());
        }
    }

    @Test
    void holdsAtMostMaxEntries() throws Exception {
        ManualTime time = new ManualTime();
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMinutes(5), 3, ScopeQuota.NONE, time)) {
            for (int i = 0; i < 20; i++) {
                store.put("k" + i, entry("original " + i));
                time.advance(Duration.ofMillis(2)); // Ehcache's LRU compares millisecond access times
            }
            CcrStats stats = store.stats();
            assertEquals(3, stats.entries(), "the scope evicted its own least recently used");
            assertEquals(20, stats.stored());
            assertTrue(store.contains("k19") && store.contains("k18") && store.contains("k17"), "the newest are kept");
            assertEquals(17, stats.evicted());
        }
    }

    @Test
    void searchesItemsOfTheOriginal() {
        String logs = "[{\"level\":\"INFO\",\"message\":\"Request completed\",\"id\":1},"
                + "{\"level\":\"ERROR\",\"message\":\"Connection pool exhausted on shard 4\",\"id\":2},"
                + "{\"level\":\"INFO\",\"message\":\"Cache warmed\",\"id\":3}]";
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMinutes(5), 10)) {
            String hash = ContentHash.of(logs);
            store.put(hash, entry(logs));
            ItemSearch search = new ItemSearch();
            List<String> matches = search.search(store.retrieve(hash).orElseThrow().entry().original(),
                    "connection pool exhausted");
            assertEquals(List.of("{\"level\":\"ERROR\",\"message\":\"Connection pool exhausted on shard 4\",\"id\":2}"), matches);
            assertTrue(store.retrieve("unknown").isEmpty());
        }
    }

    @Test
    void closeIsIdempotent() {
        EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMinutes(1), 1);
        store.close();
        store.close();
    }
}
