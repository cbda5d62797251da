package io.headroom.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.RequestOutcome;
import io.headroom.host.TenantScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CCR originals stored for one tenant scope are invisible to every other scope, shared scope included. */
class TenantIsolationTest {
    private static final String A = TenantScope.ofCredential("sk-tenant-a");
    private static final String B = TenantScope.ofCredential("sk-tenant-b");

    private final Headroom headroom = Headroom.create(HeadroomConfig.builder().build());

    @AfterEach
    void close() {
        headroom.close();
    }

    @Test
    void anOriginalStoredForOneScopeIsNotFoundInAnother() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        RequestOutcome outcome = headroom.process(c.endpoint(), c.body(), null, A);
        assertTrue(outcome.compressed());
        String hash = outcome.ccrHashes().get(0);
        // the marker the model sees carries the plain content hash, whatever the scope
        assertTrue(new String(outcome.body(), StandardCharsets.UTF_8).contains("hash=" + hash));

        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hash, null, A).originalContent());
        assertNotFound(() -> headroom.retrieve(hash, null, B));
        assertNotFound(() -> headroom.retrieve(hash, null)); // the shared scope is just another scope
        assertNotFound(() -> headroom.retrieve(hash, "error", B)); // a query does not widen the scope
        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hash.toUpperCase(), null, A).originalContent());
    }

    @Test
    void sameContentFromTwoTenantsIsHeldOncePerTenant() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        String hashA = headroom.process(c.endpoint(), c.body(), null, A).ccrHashes().get(0);
        String hashB = headroom.process(c.endpoint(), c.body(), null, B).ccrHashes().get(0);
        assertEquals(hashA, hashB);
        assertEquals(2, headroom.stats().ccrEntries());
        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hashA, null, B).originalContent());
        assertEquals(1, headroom.retrieve(hashA, null, A).retrievalCount()); // counted per tenant
    }

    @Test
    void unscopedOverloadsShareOneScope() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        String hash = headroom.process(c.endpoint(), c.body(), null).ccrHashes().get(0);
        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hash, null, TenantScope.SHARED).originalContent());
        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hash, null, null).originalContent());
        assertNotFound(() -> headroom.retrieve(hash, null, A));
    }

    @Test
    void compressStoresInTheCallersScope() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        ObjectNode request = CorpusCase.MAPPER.createObjectNode();
        request.put("model", "gpt-4o");
        request.set("messages", c.request().get("messages"));
        CompressResult result = headroom.compress(request, B);
        assertFalse(result.ccrHashes().isEmpty());
        String hash = result.ccrHashes().get(0);
        assertEquals(c.toolOutputs().get(0), headroom.retrieve(hash, null, B).originalContent());
        assertNotFound(() -> headroom.retrieve(hash, null, A));
        assertNotFound(() -> headroom.retrieve(hash, null));
    }

    @Test
    void droppedTurnsAreArchivedInTheCallersScope() {
        CorpusCase c = CorpusCase.load("long_conversation_40");
        ObjectNode request = CorpusCase.MAPPER.createObjectNode();
        request.set("messages", c.request().get("messages").deepCopy());
        request.put("model", "gpt-4o");
        request.put("token_budget", 24_000);
        CompressResult result = headroom.compress(request, A);
        assertTrue(result.transformsApplied().stream().anyMatch(t -> t.startsWith("intelligent_context:")),
                result.transformsApplied()::toString);
        assertFalse(result.ccrHashes().isEmpty());
        for (String hash : result.ccrHashes()) { // tool outputs and the archive of dropped turns alike
            assertFalse(headroom.retrieve(hash, null, A).originalContent().isEmpty());
            assertNotFound(() -> headroom.retrieve(hash, null, B));
            assertNotFound(() -> headroom.retrieve(hash, null));
        }
    }

    @Test
    void aCraftedHashCannotReachAnotherScopesKey() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        String hash = headroom.process(c.endpoint(), c.body(), null, A).ccrHashes().get(0);
        // whatever the store's internal key layout, hashes with separators must not address scope A
        for (String crafted : List.of(A.length() + ":" + A + ":" + hash, A + ":" + hash, A + hash, "0::" + hash)) {
            assertNotFound(() -> headroom.retrieve(crafted, null));
            assertNotFound(() -> headroom.retrieve(crafted, null, B));
        }
    }

    @Test
    void scopesComeFromCredentialsWithoutHoldingThem() {
        String bearer = TenantScope.fromHeaders(Map.of("Authorization", "Bearer sk-secret-1")::get, null);
        assertEquals(TenantScope.ofCredential("sk-secret-1"), bearer);
        assertEquals(bearer, TenantScope.fromHeaders(Map.of("Authorization", "bearer   sk-secret-1 ")::get, null));
        assertEquals(bearer, TenantScope.fromHeaders(Map.of("x-api-key", "sk-secret-1")::get, null));
        assertNotEquals(bearer, TenantScope.fromHeaders(Map.of("x-api-key", "sk-secret-2")::get, null));
        assertFalse(bearer.contains("secret"));
        assertTrue(bearer.matches("k-[0-9a-f]{32}"), bearer);
        assertEquals(TenantScope.SHARED, TenantScope.fromHeaders(Map.<String, String>of()::get, null));
        assertEquals(TenantScope.SHARED, TenantScope.fromHeaders(Map.of("Authorization", "  ")::get, null));

        Map<String, String> both = Map.of("Authorization", "Bearer sk-secret-1", "x-headroom-tenant", "acme");
        assertEquals(TenantScope.ofTenant("acme"), TenantScope.fromHeaders(both::get, "x-headroom-tenant"));
        assertEquals(bearer, TenantScope.fromHeaders(both::get, null));
        assertEquals(bearer, TenantScope.fromHeaders(Map.of("Authorization", "Bearer sk-secret-1")::get,
                "x-headroom-tenant")); // configured but absent: the credential decides
        assertNotEquals(TenantScope.ofTenant("acme"), TenantScope.ofCredential("acme"));
    }

    private static void assertNotFound(org.junit.jupiter.api.function.Executable call) {
        assertEquals(ErrorType.NOT_FOUND, assertThrows(HeadroomException.class, call).type());
    }
}
