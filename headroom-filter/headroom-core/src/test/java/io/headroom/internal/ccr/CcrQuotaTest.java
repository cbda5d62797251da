package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-scope quotas (issue 13 item 4), for the heap-only store and the persistent one alike: a scope over
 * its quota gives up its own least recently used originals, never another scope's; when the store as a
 * whole is full, a put is refused instead.
 */
class CcrQuotaTest {
    private static final String TENANT_A = "k-tenant-a";

    @TempDir
    Path dir;

    private CcrStore store(boolean persistent, CcrConfig.Builder config) {
        return CcrStores.create((persistent ? config.diskPath(dir) : config).build());
    }

    private static CcrEntry entry(String original) {
        return new CcrEntry(original, 10, 0, 0, "t", Instant.EPOCH);
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {false, true})
    void aFloodOfAnonymousPutsDoesNotPushOutAnotherTenantsOriginals(boolean persistent) {
        try (CcrStore store = store(persistent, CcrConfig.builder())) { // the defaults
            for (int i = 0; i < 500; i++) {
                assertTrue(store.put(TENANT_A, ContentHash.of("a" + i), entry("tenant A's original " + i)));
            }
            for (int i = 0; i < 12_000; i++) { // what 12,000 small /v1/compress calls store
                assertTrue(store.put(CcrStore.SHARED_SCOPE, ContentHash.of("anon" + i), entry("anonymous " + i)),
                        "the shared scope makes room with its own originals");
            }
            for (int i = 0; i < 500; i++) {
                assertEquals("tenant A's original " + i,
                        store.retrieve(TENANT_A, ContentHash.of("a" + i)).orElseThrow().entry().original());
            }
            CcrStats stats = store.stats();
            assertEquals(500 + CcrConfig.DEFAULT_SCOPE_MAX_ENTRIES, stats.entries());
            assertEquals(12_000 - CcrConfig.DEFAULT_SCOPE_MAX_ENTRIES, stats.evicted());
            assertTrue(store.contains(ContentHash.of("anon11999")), "the newest anonymous original is kept");
            assertFalse(store.contains(ContentHash.of("anon0")), "the oldest went");
        }
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {false, true})
    void aScopeOverItsByteQuotaEvictsItsOwnLeastRecentlyUsed(boolean persistent) {
        String kb = "x".repeat(1_000);
        long size = StoredOriginalSerializer.encodedSize(entry(kb + 0));
        try (CcrStore store = store(persistent, CcrConfig.builder().scopeMaxBytes(5 * size))) {
            assertTrue(store.put(TENANT_A, "a", entry("tenant A's only original")));
            for (int i = 0; i < 5; i++) {
                assertTrue(store.put("b", "b" + i, entry(kb + i)));
            }
            assertTrue(store.retrieve("b", "b0").isPresent()); // b0 is now the most recently used
            assertTrue(store.put("b", "b5", entry(kb + 5)));
            assertTrue(store.put("b", "b6", entry(kb + 6)));
            assertTrue(store.contains("b", "b0"), "retrieved recently, so kept");
            assertFalse(store.contains("b", "b1"));
            assertFalse(store.contains("b", "b2"));
            for (String kept : new String[] {"b3", "b4", "b5", "b6"}) {
                assertTrue(store.contains("b", kept), kept);
            }
            assertFalse(store.put("b", "too-big", entry("y".repeat(6_000))), "larger than the quota on its own: refused");
            assertTrue(store.contains("b", "b0") && store.contains("b", "b6"), "a refused put evicts nothing");
            assertTrue(store.contains(TENANT_A, "a"));
            CcrStats stats = store.stats();
            assertEquals(6, stats.entries());
            assertEquals(2, stats.evicted());
            assertEquals(1, stats.refused());
            assertTrue(stats.bytes() <= 5 * size + StoredOriginalSerializer.encodedSize(entry("tenant A's only original")));
        }
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {false, true})
    void aFullStoreRefusesRatherThanEvictAnotherScope(boolean persistent) {
        String original = "z".repeat(2_000);
        // heap only: max-entries is the global cap; with a disk path, disk-size-mb is (1 MB = 500 originals)
        int capacity = persistent ? (int) ((1 << 20) / StoredOriginalSerializer.encodedSize(entry(original + "0000"))) : 500;
        CcrConfig.Builder config = CcrConfig.builder().maxEntries(500).diskSizeMb(1).scopeMaxEntries(200);
        try (CcrStore store = store(persistent, config)) {
            int held = 0;
            for (int scope = 0; held < capacity; scope++) {
                for (int i = 0; i < 200 && held < capacity; i++, held++) {
                    assertTrue(store.put("s" + scope, "h" + i, entry(original + String.format("%04d", i))), "s" + scope + "/" + i);
                }
            }
            assertFalse(store.put("newcomer", "h", entry(original + "0000")), "full: refused");
            assertTrue(store.contains("s0", "h0"), "nobody else's original made room");
            assertTrue(store.put("s0", "h0", entry(original + "0000")), "a held original can always be stored again");
            assertTrue(store.put("s0", "h-new", entry(original + "9999")),
                    "a full scope still makes room with its own originals");
            assertFalse(store.contains("s0", "h1"), "its least recently used");
            assertEquals(capacity, store.stats().entries());
            assertEquals(1, store.stats().refused());
        }
    }
}
