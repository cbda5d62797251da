package io.headroom.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.RetrieveResult;
import io.headroom.StatsSnapshot;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadroomTest {
    private static final Pattern MARKER_HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private final List<Headroom> opened = new ArrayList<>();

    private Headroom headroom(HeadroomConfig config, CompressionListener listener) {
        Headroom h = Headroom.create(config, listener);
        opened.add(h);
        return h;
    }

    private Headroom headroom() {
        return headroom(HeadroomConfig.defaults(), CompressionListener.NONE);
    }

    @AfterEach
    void close() {
        opened.forEach(Headroom::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json_logs_100", "anthropic_messages_600", "responses_api_800"})
    void compressesToolOutputsInEveryFormatAndKeepsOriginalsRetrievable(String name) throws Exception {
        CorpusCase c = CorpusCase.load(name);
        Headroom h = headroom();
        byte[] body = c.body();

        RequestOutcome outcome = h.process(c.endpoint(), body, null);

        assertTrue(outcome.compressed(), "compressed");
        assertFalse(outcome.failedOpen());
        assertJsonRouted(outcome.transformsApplied());
        assertTrue(outcome.body().length < body.length);
        double savedPercent = 100.0 * outcome.tokensSaved() / outcome.tokensBefore();
        assertTrue(savedPercent >= c.expect().path("min_savings").asDouble(),
                name + " saved only " + savedPercent + "% of " + outcome.tokensBefore() + " tokens");
        double estimate = body.length / 4.0;
        assertTrue(outcome.tokensBefore() > 0.3 * estimate && outcome.tokensBefore() < 3 * estimate,
                "tokensBefore " + outcome.tokensBefore() + " is plausible for " + body.length + " bytes");

        JsonNode forwarded = CorpusCase.MAPPER.readTree(outcome.body());
        String text = CorpusCase.allText(forwarded);
        for (String needle : c.mustKeep()) {
            assertTrue(text.contains(needle), "kept " + needle);
        }
        assertFalse(outcome.ccrHashes().isEmpty());
        assertEquals(restoreOriginals(h, c, (ObjectNode) forwarded, outcome.ccrHashes()), c.request(),
                "only tool output texts changed, and each is retrievable byte-identical");
    }

    /** Puts every retrieved original back in place of its compressed text. */
    private JsonNode restoreOriginals(Headroom h, CorpusCase c, ObjectNode forwarded, List<String> hashes) {
        ParsedRequest out = WireFormat.of(c.endpoint()).read(forwarded);
        List<String> originals = c.toolOutputs();
        assertEquals(originals.size(), out.toolOutputs().size());
        int changed = 0;
        for (int i = 0; i < originals.size(); i++) {
            ToolOutput o = out.toolOutputs().get(i);
            if (o.text().equals(originals.get(i))) {
                continue;
            }
            Matcher m = MARKER_HASH.matcher(o.text());
            assertTrue(m.find(), "a compressed tool output carries the retrieval marker");
            String hash = m.group(1);
            assertTrue(hashes.contains(hash));
            RetrieveResult r = h.retrieve(hash, null);
            assertEquals(originals.get(i), r.originalContent());
            assertTrue(r.originalTokens() > 0);
            assertTrue(r.originalItemCount() > r.compressedItemCount());
            o.slot().replace(r.originalContent());
            changed++;
        }
        assertTrue(changed > 0);
        removeInjectedRetrieveTool(c, forwarded);
        return forwarded;
    }

    /** Something was stored in CCR, so the headroom_retrieve tool was added; the client's own tools are untouched. */
    private static void removeInjectedRetrieveTool(CorpusCase c, ObjectNode forwarded) {
        com.fasterxml.jackson.databind.node.ArrayNode tools = (com.fasterxml.jackson.databind.node.ArrayNode) forwarded.get("tools");
        assertTrue(tools != null && tools.size() > 0, "the headroom_retrieve tool is injected");
        JsonNode last = tools.get(tools.size() - 1);
        String name = last.has("function") ? last.path("function").path("name").asText() : last.path("name").asText();
        assertEquals("headroom_retrieve", name);
        tools.remove(tools.size() - 1);
        if (tools.isEmpty() && !c.request().has("tools")) {
            forwarded.remove("tools");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed_400", "short_1", "user_json_300"})
    void casesThatMustPassThroughReturnTheSameArray(String name) {
        CorpusCase c = CorpusCase.load(name);
        byte[] body = c.body();
        RequestOutcome outcome = headroom().process(c.endpoint(), body, null);
        assertSame(body, outcome.body());
        assertFalse(outcome.compressed());
        assertFalse(outcome.failedOpen());
        assertTrue(outcome.tokensBefore() > 0, "analysed");
        assertEquals(outcome.tokensBefore(), outcome.tokensAfter());
        assertTrue(outcome.ccrHashes().isEmpty());
    }

    @Test
    void bodiesThatAreNotRequestsPassThroughUntouched() {
        Headroom h = headroom();
        for (String s : new String[] {"not json at all", "[1,2,3]", "\"string\"", "{\"model\": \"gpt-4o\",",
                "{\"a\":1,\"a\":2}", ""}) {
            byte[] body = s.getBytes(StandardCharsets.UTF_8);
            RequestOutcome outcome = h.process(Endpoint.OPENAI_CHAT, body, null);
            assertSame(body, outcome.body(), s);
            assertFalse(outcome.compressed());
            assertFalse(outcome.failedOpen(), "malformed input is normal, not a failure");
        }
        assertEquals(6, h.stats().requestsTotal());
        assertEquals(0, h.stats().requestsFailedOpen());
    }

    @Test
    void oversizedBodiesAreNotParsed() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        byte[] body = c.body();
        Headroom h = headroom(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(body.length - 1)).build(), CompressionListener.NONE);
        RequestOutcome outcome = h.process(c.endpoint(), body, null);
        assertSame(body, outcome.body());
        assertEquals(0, outcome.tokensBefore());
    }

    @Test
    void auditReportsSavingsButForwardsTheOriginal() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom(HeadroomConfig.builder().mode(Mode.AUDIT).build(), CompressionListener.NONE);
        byte[] body = c.body();
        RequestOutcome audit = h.process(c.endpoint(), body, null);
        assertSame(body, audit.body());
        assertFalse(audit.compressed());
        assertTrue(audit.tokensSaved() > 0, "reports what optimize would save");
        assertJsonRouted(audit.transformsApplied());
        assertTrue(audit.ccrHashes().isEmpty(), "nothing stored: the model never sees a marker");
        assertEquals(0, h.stats().ccrStored());
        assertEquals(0, h.stats().tokensSaved(), "nothing was saved on the wire");

        RequestOutcome optimize = h.process(c.endpoint(), body, Mode.OPTIMIZE);
        assertTrue(optimize.compressed());
        assertEquals(audit.tokensAfter(), optimize.tokensAfter());
        assertEquals(audit.tokensBefore(), optimize.tokensBefore());
    }

    @Test
    void passthroughDoesNotEvenParse() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        byte[] body = c.body();
        RequestOutcome outcome = headroom().process(c.endpoint(), body, Mode.PASSTHROUGH);
        assertSame(body, outcome.body());
        assertEquals(0, outcome.tokensBefore());
        assertTrue(outcome.transformsApplied().isEmpty());
    }

    @Test
    void failsOpenWhenTheCrusherThrows() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        AtomicReference<RequestOutcome> seen = new AtomicReference<>();
        Headroom h = HeadroomEngine.withRouter(HeadroomConfig.defaults(), (e, m, o, n) -> seen.set(o),
                (content, context) -> {
                    throw new IllegalStateException("boom");
                });
        opened.add(h);
        byte[] body = c.body();
        RequestOutcome outcome = h.process(c.endpoint(), body, null);
        assertSame(body, outcome.body());
        assertTrue(outcome.failedOpen());
        assertFalse(outcome.compressed());
        assertSame(outcome, seen.get(), "the listener sees failures too");
        assertEquals(1, h.stats().requestsFailedOpen());
        assertEquals(0, h.stats().ccrStored());
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRequest() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom(HeadroomConfig.defaults(), (e, m, o, n) -> {
            throw new IllegalStateException("metrics down");
        });
        RequestOutcome outcome = h.process(c.endpoint(), c.body(), null);
        assertTrue(outcome.compressed());
        assertFalse(outcome.failedOpen());
    }

    @Test
    void listenerGetsEndpointModeOutcomeAndTime() {
        List<Object[]> calls = new ArrayList<>();
        Headroom h = headroom(HeadroomConfig.defaults(), (e, m, o, n) -> calls.add(new Object[] {e, m, o, n}));
        CorpusCase c = CorpusCase.load("anthropic_messages_600");
        RequestOutcome outcome = h.process(c.endpoint(), c.body(), Mode.AUDIT);
        assertEquals(1, calls.size());
        assertEquals(Endpoint.ANTHROPIC_MESSAGES, calls.get(0)[0]);
        assertEquals(Mode.AUDIT, calls.get(0)[1]);
        assertSame(outcome, calls.get(0)[2]);
        assertTrue((Long) calls.get(0)[3] > 0);
    }

    @Test
    void compressEndpointReturnsMessagesAndRetrievableOriginals() throws Exception {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom();
        ObjectNode request = CorpusCase.MAPPER.createObjectNode();
        request.set("messages", c.request().get("messages").deepCopy());
        request.put("model", "gpt-4o");
        request.put("token_budget", 50_000);
        JsonNode before = request.deepCopy();

        CompressResult r = h.compress(request);

        assertEquals(before, request, "the request is not modified");
        assertTrue(r.tokensSaved() > 0);
        assertTrue(r.compressionRatio() < 0.5, "tokens after / tokens before");
        assertJsonRouted(r.transformsApplied());
        assertEquals(1, r.ccrHashes().size());
        assertEquals(c.request().get("messages").size(), r.messages().size());
        for (int i = 0; i < r.messages().size(); i++) {
            if (!"tool".equals(r.messages().get(i).path("role").asText())) {
                assertEquals(c.request().get("messages").get(i), r.messages().get(i), "non-tool messages unchanged");
            }
        }
        String original = c.toolOutputs().get(0);
        RetrieveResult full = h.retrieve(r.ccrHashes().get(0), null);
        assertEquals(original, full.originalContent());
        assertEquals("query_logs", full.toolName());
        assertEquals(1, full.retrievalCount());
        assertNull(full.query());
        assertTrue(full.matches().isEmpty());

        RetrieveResult search = h.retrieve(r.ccrHashes().get(0).toUpperCase(), "connection pool exhausted");
        assertEquals(2, search.retrievalCount());
        assertFalse(search.matches().isEmpty());
        assertTrue(search.matches().get(0).contains("Connection pool exhausted on shard 4"), search.matches().get(0));
        assertTrue(search.matches().size() <= 20);

        StatsSnapshot stats = h.stats();
        assertEquals(1, stats.ccrEntries());
        assertEquals(2, stats.ccrRetrievals());
        assertEquals(0, stats.requestsTotal(), "compress is not a proxied request");
    }

    /**
     * Anthropic-shaped messages (what the original's SDK sends from messages.simulate): the tool_result block is
     * counted and compressed as on /v1/messages, the answer keeps Anthropic's shape, the original is retrievable.
     */
    @Test
    void compressReadsAnthropicShapedMessages() throws Exception {
        CorpusCase c = CorpusCase.load("json_logs_100");
        String original = c.toolOutputs().get(0);
        ObjectNode request = CorpusCase.MAPPER.createObjectNode();
        request.put("model", "claude-sonnet-4-5-20250929");
        request.put("system", "You are an SRE assistant.");
        var messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Which errors does the payment service log?");
        ObjectNode call = messages.addObject().put("role", "assistant").putArray("content").addObject();
        call.put("type", "tool_use").put("id", "toolu_01").put("name", "query_logs").putObject("input").put("service", "payments");
        messages.addObject().put("role", "user").putArray("content").addObject()
                .put("type", "tool_result").put("tool_use_id", "toolu_01").put("content", original);
        JsonNode before = request.deepCopy();
        Headroom h = headroom();

        CompressResult r = h.compress(request);

        assertEquals(before, request, "the request is not modified");
        assertTrue(r.tokensBefore() > 1_000, "the tool_result block is counted: " + r.tokensBefore());
        assertTrue(r.compressionRatio() < 0.5, "tokens after / tokens before: " + r.compressionRatio());
        assertJsonRouted(r.transformsApplied());
        assertEquals(1, r.ccrHashes().size());
        assertEquals(before.get("messages").get(0), r.messages().get(0));
        assertEquals(before.get("messages").get(1), r.messages().get(1), "the tool_use block is not touched");
        JsonNode block = r.messages().get(2).get("content").get(0);
        assertEquals("tool_result", block.path("type").asText(), "Anthropic's shape kept: " + block);
        assertEquals("toolu_01", block.path("tool_use_id").asText());
        assertTrue(block.path("content").asText().length() < original.length() / 2);
        RetrieveResult full = h.retrieve(r.ccrHashes().get(0), null);
        assertEquals(original, full.originalContent());
        assertEquals("query_logs", full.toolName(), "named after its tool_use block");

        var plan = h.simulate(request);
        assertEquals(r.tokensBefore(), plan.tokensBefore(), "simulate reads the same shape");
        assertEquals(r.tokensAfter(), plan.tokensAfter());
        assertTrue(plan.blocks().stream().anyMatch(b -> b.kind() == io.headroom.BlockKind.TOOL_RESULT
                && "query_logs".equals(b.toolName()) && b.tokensAfter() < b.tokensBefore() / 2), plan.blocks().toString());
    }

    @Test
    void compressWithoutModelDefaultsToGpt4o() {
        CorpusCase c = CorpusCase.load("short_1");
        ObjectNode request = CorpusCase.MAPPER.createObjectNode();
        request.set("messages", c.request().get("messages").deepCopy());
        CompressResult r = headroom().compress(request);
        assertEquals(c.request().get("messages"), r.messages());
        assertEquals(0, r.tokensSaved());
        assertTrue(r.tokensBefore() > 0);
        assertTrue(r.ccrHashes().isEmpty());
    }

    @Test
    void compressRejectsInvalidRequests() throws Exception {
        Headroom h = headroom();
        for (String bad : new String[] {"[]", "{}", "{\"messages\": null}", "{\"messages\": \"hi\"}",
                "{\"messages\": [1]}", "{\"messages\": [{\"content\": \"no role\"}]}",
                "{\"messages\": [], \"model\": 4}", "{\"messages\": [], \"token_budget\": 0}",
                "{\"messages\": [], \"token_budget\": \"100\"}", "{\"messages\": [], \"token_budget\": 1.5}",
                "{\"messages\": [], \"config\": 3}"}) {
            HeadroomException e = assertThrows(HeadroomException.class, () -> h.compress(CorpusCase.MAPPER.readTree(bad)), bad);
            assertEquals(ErrorType.VALIDATION_ERROR, e.type(), bad);
        }
        HeadroomException e = assertThrows(HeadroomException.class, () -> h.compress(CorpusCase.MAPPER.readTree("{}")));
        assertTrue(e.getMessage().contains("messages"), e.getMessage());
    }

    @Test
    void retrieveRejectsBlankAndUnknownHashes() {
        Headroom h = headroom();
        assertEquals(ErrorType.VALIDATION_ERROR, assertThrows(HeadroomException.class, () -> h.retrieve(" ", null)).type());
        assertEquals(ErrorType.VALIDATION_ERROR, assertThrows(HeadroomException.class, () -> h.retrieve(null, null)).type());
        HeadroomException notFound = assertThrows(HeadroomException.class, () -> h.retrieve("0123456789abcdef01234567", null));
        assertEquals(ErrorType.NOT_FOUND, notFound.type());
        assertTrue(notFound.getMessage().contains("0123456789abcdef01234567"));
        assertEquals(1, h.stats().ccrMisses());
    }

    @Test
    void expiredOriginalsAreNotFound() throws Exception {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom(HeadroomConfig.builder().ccr(s -> s.ttl(Duration.ofMillis(300))).build(), CompressionListener.NONE);
        String hash = h.process(c.endpoint(), c.body(), null).ccrHashes().get(0);
        assertEquals(c.toolOutputs().get(0), h.retrieve(hash, null).originalContent());
        Thread.sleep(700);
        assertEquals(ErrorType.NOT_FOUND, assertThrows(HeadroomException.class, () -> h.retrieve(hash, null)).type());
    }

    @Test
    void withoutCcrNothingIsStored() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom(HeadroomConfig.builder().ccr(s -> s.enabled(false)).build(), CompressionListener.NONE);
        RequestOutcome outcome = h.process(c.endpoint(), c.body(), null);
        assertTrue(outcome.compressed());
        assertTrue(outcome.ccrHashes().isEmpty());
        assertEquals(0, h.stats().ccrStored());
    }

    @Test
    void statsAddUp() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        Headroom h = headroom();
        RequestOutcome first = h.process(c.endpoint(), c.body(), null);
        RequestOutcome second = h.process(c.endpoint(), c.body(), null);
        h.process(Endpoint.OPENAI_CHAT, "nope".getBytes(StandardCharsets.UTF_8), null);
        StatsSnapshot s = h.stats();
        assertEquals(3, s.requestsTotal());
        assertEquals(2, s.requestsCompressed());
        assertEquals(first.tokensBefore() + second.tokensBefore(), s.tokensBefore());
        assertEquals(first.tokensSaved() + second.tokensSaved(), s.tokensSaved());
        assertEquals(1, s.ccrEntries());
        assertEquals(1, s.ccrStored(), "the same original twice is stored once");
        assertArrayEquals(first.body(), second.body(), "deterministic");
        assertNotSame(first.body(), second.body());
    }

    /** One JSON tool output compressed: a single {@code router:json:<ratio>} entry with a ratio below 1. */
    private static void assertJsonRouted(List<String> transforms) {
        assertEquals(1, transforms.size(), transforms.toString());
        assertTrue(transforms.get(0).matches("router:json:0\\.\\d\\d"), transforms.toString());
    }
}
