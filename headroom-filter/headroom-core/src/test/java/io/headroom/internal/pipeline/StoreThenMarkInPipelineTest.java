package io.headroom.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.HeadroomConfig;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.engine.CorpusCase;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.tokens.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Store then mark on the pipeline's path (tool outputs): an original the store cannot hold leaves its
 * output exactly as sent, and the request is still processed (no exception escapes to fail the request open).
 */
class StoreThenMarkInPipelineTest {
    private final TokenCounter tokens = new TokenCounter();

    private PipelineResult run(HeadroomConfig config, CcrStore store, ObjectNode root, CorpusCase c) {
        return new Pipeline(config, tokens, store, ContentRouter.create(config)::route, Clock.systemUTC())
                .run(c.endpoint(), root, true);
    }

    @Test
    void aClosedStoreLeavesTheOutputAsSent() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        ObjectNode root = (ObjectNode) c.request().deepCopy();
        CcrStore closed = new EhcacheCcrStore(Duration.ofHours(1), 1_000);
        closed.close();

        PipelineResult r = run(HeadroomConfig.defaults(), closed, root, c);

        assertFalse(r.compressed(), r::toString);
        assertEquals(List.of(), r.ccrHashes());
        assertEquals(c.request(), root, "every byte as sent");
        assertFalse(root.toString().contains(ContentHash.of(c.toolOutputs().get(0))));
    }

    @Test
    void anOriginalOverMaxOriginalBytesIsNotStoredAndNotCompressed() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        String original = c.toolOutputs().get(0);
        EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 1_000);
        HeadroomConfig tight = HeadroomConfig.builder().ccr(k -> k.maxOriginalBytes(original.length() - 1)).build();
        ObjectNode root = (ObjectNode) c.request().deepCopy();

        PipelineResult r = run(tight, store, root, c);

        assertFalse(r.compressed(), r::toString);
        assertEquals(c.request(), root);
        assertEquals(0, store.stats().entries());

        // at the bound it is stored and compressed: the limit is inclusive and counts UTF-8 bytes
        HeadroomConfig exact = HeadroomConfig.builder()
                .ccr(k -> k.maxOriginalBytes(original.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)).build();
        ObjectNode again = (ObjectNode) c.request().deepCopy();
        PipelineResult stored = run(exact, store, again, c);
        assertTrue(stored.compressed());
        assertEquals(List.of(ContentHash.of(original)), stored.ccrHashes());
        assertEquals(original, store.retrieve(ContentHash.of(original)).orElseThrow().entry().original());
        store.close();
    }
}
