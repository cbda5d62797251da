package io.headroom.sharedcontext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.LlmRequests;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedContextTest {
    private static final String NOTE = "Decided to retry the checkout job after the pool was resized.";

    @Test
    void getReturnsCompressedAndFullReturnsTheOriginal() {
        try (SharedContext ctx = SharedContext.create()) {
            String research = LlmRequests.logsText();

            SharedContextEntry entry = ctx.put("research", research, "researcher");

            assertEquals("research", entry.key());
            assertEquals("researcher", entry.agent());
            assertEquals(research, entry.original());
            assertTrue(entry.compressed().length() < research.length() / 2,
                    entry.compressed().length() + " of " + research.length() + " chars");
            assertTrue(entry.compressed().contains(LlmRequests.ERROR_NEEDLE), "the ERROR item survives");
            assertTrue(entry.originalTokens() > entry.compressedTokens() && entry.compressedTokens() > 0);
            assertTrue(entry.savingsPercent() > 50, "saved " + entry.savingsPercent() + "%");
            assertTrue(entry.transforms().stream().anyMatch(t -> t.startsWith("router:json")), entry.transforms().toString());
            // Tokens are counted for the content alone, not the request it was compressed in.
            double estimate = research.length() / 4.0;
            assertTrue(entry.originalTokens() > 0.3 * estimate && entry.originalTokens() < 3 * estimate);

            assertEquals(entry.compressed(), ctx.get("research"));
            assertEquals(research, ctx.get("research", true));
            assertEquals(research, ctx.full("research"));
            assertEquals(entry.compressed(), ctx.get("research", false));
            assertNull(ctx.get("nonexistent"));
            assertNull(ctx.full("nonexistent"));
        }
    }

    @Test
    void smallContentIsStoredAsItIs() {
        try (SharedContext ctx = SharedContext.create()) {
            SharedContextEntry entry = ctx.put("note", NOTE);

            assertEquals(NOTE, entry.compressed());
            assertEquals(NOTE, ctx.get("note"));
            assertEquals(entry.originalTokens(), entry.compressedTokens());
            assertTrue(entry.originalTokens() > 5 && entry.originalTokens() < 30, "tokens " + entry.originalTokens());
            assertEquals(0.0, entry.savingsPercent());
            assertTrue(entry.transforms().isEmpty());
            assertNull(entry.agent());
        }
    }

    @Test
    void statsKeysRemoveAndClear() {
        try (SharedContext ctx = SharedContext.create()) {
            SharedContextEntry a = ctx.put("a", LlmRequests.logsText(), "researcher");
            SharedContextEntry b = ctx.put("b", NOTE, "coder");

            SharedContextStats stats = ctx.stats();
            assertEquals(2, stats.entries());
            assertEquals(a.originalTokens() + b.originalTokens(), stats.totalOriginalTokens());
            assertEquals(a.compressedTokens() + b.compressedTokens(), stats.totalCompressedTokens());
            assertEquals(stats.totalOriginalTokens() - stats.totalCompressedTokens(), stats.totalTokensSaved());
            assertTrue(stats.savingsPercent() > 50);
            assertEquals(Set.of("a", "b"), new HashSet<>(ctx.keys()));

            ctx.put("b", LlmRequests.logsText());
            assertEquals(2, ctx.keys().size(), "put replaces");

            assertTrue(ctx.remove("a"));
            assertFalse(ctx.remove("a"));
            assertEquals(List.of("b"), ctx.keys());

            ctx.clear();
            assertTrue(ctx.keys().isEmpty());
            assertEquals(0, ctx.stats().entries());
            assertEquals(0.0, ctx.stats().savingsPercent());
            assertNull(ctx.get("b"));
        }
    }

    @Test
    void entriesExpireAfterTheTtl() throws InterruptedException {
        try (SharedContext ctx = SharedContext.builder().ttl(Duration.ofMillis(400)).build()) {
            ctx.put("short-lived", NOTE);
            assertEquals(NOTE, ctx.get("short-lived"));
            assertEquals(List.of("short-lived"), ctx.keys());

            Thread.sleep(700);

            assertNull(ctx.get("short-lived"));
            assertNull(ctx.full("short-lived"));
            assertTrue(ctx.keys().isEmpty(), "expired keys are not listed");
            assertEquals(0, ctx.stats().entries());
        }
    }

    @Test
    void holdsAtMostMaxEntries() {
        try (SharedContext ctx = SharedContext.builder().maxEntries(3).build()) {
            for (int i = 0; i < 10; i++) {
                ctx.put("k" + i, NOTE + " #" + i);
                assertTrue(ctx.keys().size() <= 3, "after " + (i + 1) + " puts: " + ctx.keys());
            }

            assertEquals(3, ctx.keys().size());
            assertEquals(3, ctx.stats().entries());
            assertNotNull(ctx.get("k9"), "the newest entry is kept");
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> SharedContext.builder().ttl(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SharedContext.builder().maxEntries(0));
        assertThrows(IllegalArgumentException.class, () -> SharedContext.builder().model(" "));
    }
}
