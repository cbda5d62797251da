package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.internal.ccr.ContentHash;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrieveHashesTest {

    @Test
    void everyHashTheCoreHandsOutIsWellFormed() {
        assertEquals(ContentHash.LENGTH, RetrieveHashes.LENGTH, "the host check mirrors the core's key format");
        for (String original : new String[] {"", "a", "[{\"id\":1}]", "x".repeat(100_000)}) {
            String hash = ContentHash.of(original);
            assertTrue(RetrieveHashes.wellFormed(hash), hash);
            assertTrue(RetrieveHashes.wellFormed(" " + hash.toUpperCase() + "\n"), "the lookup folds case and space");
        }
    }

    @Test
    void anythingElseIsRefusedWithoutBeingQuoted() {
        String huge = "a".repeat(10 * 1024 * 1024);
        for (String bad : new String[] {null, "", "abc", "abcdef0123456789abcdef0", "abcdef0123456789abcdef012",
                "abcdef0123456789abcdefgh", "../../etc/passwd/abcdefgh", huge}) {
            assertFalse(RetrieveHashes.wellFormed(bad), String.valueOf(bad).substring(0, Math.min(40, String.valueOf(bad).length())));
        }
        HeadroomException e = assertThrows(HeadroomException.class, () -> RetrieveHashes.require(huge));
        assertEquals(ErrorType.VALIDATION_ERROR, e.type());
        assertTrue(e.getMessage().length() < 200, "the hash is not echoed");
    }

    @Test
    void aMalformedHashFromTheModelIsNeitherLookedUpNorEchoed() {
        AtomicInteger lookups = new AtomicInteger();
        RetrieveCallHandler handler = new RetrieveCallHandler((hash, query) -> {
            lookups.incrementAndGet();
            throw new HeadroomException(ErrorType.NOT_FOUND, "unknown");
        }, new ObjectMapper());
        String huge = "f".repeat(1_000_000);
        ToolResult r = handler.answer(new RetrieveCall("c1", huge, null));
        assertTrue(r.error());
        assertEquals(0, lookups.get(), "no store access");
        assertTrue(r.content().length() < 300, "not echoed: " + r.content().length());
    }
}
