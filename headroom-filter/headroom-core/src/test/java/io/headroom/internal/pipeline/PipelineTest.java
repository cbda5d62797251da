package io.headroom.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrStore;
import io.headroom.Compressed;
import io.headroom.ContentType;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.EhcacheCcrStore;
import io.headroom.internal.engine.CorpusCase;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.route.Routed;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTest {
    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private final TokenCounter tokens = new TokenCounter();
    private final HeadroomConfig config = HeadroomConfig.defaults();
    private final CcrStore ccr = new EhcacheCcrStore(config.ccr().ttl(), config.ccr().maxEntries());

    @AfterEach
    void close() {
        ccr.close();
    }

    private Pipeline pipeline(HeadroomConfig cfg, ToolOutputRouter router) {
        return new Pipeline(cfg, tokens, ccr, router, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private int recount(Endpoint endpoint, ObjectNode root) {
        ParsedRequest r = WireFormat.of(endpoint).read(root);
        TokenCounter.Tokenizer t = tokens.forModel(r.model());
        int n = 0;
        for (String s : r.otherTexts()) n += t.count(s);
        for (ToolOutput o : r.toolOutputs()) n += t.count(o.text());
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"json_logs_100", "anthropic_messages_600", "responses_api_800"})
    void tokenAccountingMatchesAFullRecount(String name) {
        CorpusCase c = CorpusCase.load(name);
        ObjectNode root = (ObjectNode) c.request().deepCopy();
        int before = recount(c.endpoint(), root);

        PipelineResult r = pipeline(config, ContentRouter.create(config)::route).run(c.endpoint(), root, true);

        assertTrue(r.changed());
        assertEquals(before, r.tokensBefore());
        assertEquals(recount(c.endpoint(), root), r.tokensAfter(), "only changed outputs are recounted, correctly");
        assertTrue(r.tokensAfter() < r.tokensBefore());
        String original = c.toolOutputs().get(0);
        String hash = ContentHash.of(original);
        assertEquals(List.of(hash), r.ccrHashes());
        var entry = ccr.retrieve(hash).orElseThrow().entry();
        assertEquals(original, entry.original());
        assertEquals(NOW, entry.createdAt());
        assertEquals(tokens.count(c.request().path("model").asText(), original), entry.originalTokens());
    }

    @Test
    void passesTheQueryAndHashToTheCrusher() {
        CorpusCase c = CorpusCase.load("anthropic_messages_600");
        List<String[]> calls = new ArrayList<>();
        ContentRouter real = ContentRouter.create(config);
        pipeline(config, (content, context) -> {
            calls.add(new String[] {context.query(), context.ccrHash(), content});
            return real.route(content, context);
        }).run(c.endpoint(), (ObjectNode) c.request().deepCopy(), true);
        assertEquals(1, calls.size());
        assertEquals("The service went down around 10am. Find the error, its error code and the request id.", calls.get(0)[0]);
        assertEquals(ContentHash.of(calls.get(0)[2]), calls.get(0)[1]);
    }

    @Test
    void outputsBelowTheThresholdAreNotOffered() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        ObjectNode root = (ObjectNode) c.request().deepCopy();
        HeadroomConfig high = config.toBuilder().crusher(k -> k.minTokensToCrush(1_000_000)).build();
        PipelineResult r = pipeline(high, (content, context) -> {
            throw new AssertionError("not offered");
        }).run(c.endpoint(), root, true);
        assertFalse(r.changed());
        assertEquals(r.tokensBefore(), r.tokensAfter());
        assertEquals(c.request(), root);
    }

    @Test
    void aResultThatIsNotSmallerIsDropped() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        ObjectNode root = (ObjectNode) c.request().deepCopy();
        PipelineResult r = pipeline(config, (content, context) ->
                new Routed(ContentType.JSON, new Compressed(true, content + " ", 100, 100))).run(c.endpoint(), root, true);
        assertFalse(r.changed());
        assertTrue(r.ccrHashes().isEmpty());
        assertEquals(c.request(), root);
        assertEquals(0, ccr.stats().stored());
    }

    @Test
    void measuringOnlyStoresNothing() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        PipelineResult r = pipeline(config, ContentRouter.create(config)::route)
                .run(c.endpoint(), (ObjectNode) c.request().deepCopy(), false);
        assertTrue(r.changed());
        assertTrue(r.ccrHashes().isEmpty());
        assertEquals(0, ccr.stats().stored());
    }
}
