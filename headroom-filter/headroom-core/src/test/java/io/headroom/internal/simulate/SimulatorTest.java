package io.headroom.internal.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.BlockKind;
import io.headroom.BlockReport;
import io.headroom.CompressMode;
import io.headroom.CompressResult;
import io.headroom.ContentType;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.SimulationPlan;
import io.headroom.WasteSignal;
import io.headroom.WasteSignals;
import io.headroom.internal.engine.CorpusCase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MARKER_HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private final List<Headroom> opened = new ArrayList<>();

    private Headroom headroom() {
        Headroom h = Headroom.create(HeadroomConfig.defaults());
        opened.add(h);
        return h;
    }

    @AfterEach
    void close() {
        opened.forEach(Headroom::close);
    }

    // ---- crafted requests -------------------------------------------------------------------------

    /** 80 pretty-printed records, one of them an error. */
    private static String prettyJsonToolOutput() throws Exception {
        ArrayNode items = MAPPER.createArrayNode();
        for (int i = 0; i < 80; i++) {
            ObjectNode o = items.addObject();
            o.put("id", i);
            o.put("service", "orders-" + (i % 4));
            o.put("status", i == 57 ? "error" : "ok");
            o.put("latency_ms", 20 + (i * 7) % 40);
            o.put("message", i == 57 ? "PaymentGatewayTimeout after 30000 ms" : "request served");
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(items);
    }

    private static String htmlPage() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Release notes</title>"
                + "<style>body{font-family:sans-serif}.nav a{color:#333;margin:0 4px}</style>"
                + "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
                + "gtag('js',new Date());gtag('config','UA-000000-1');</script></head><body>"
                + "<nav class=\"nav\"><ul>");
        for (int i = 0; i < 25; i++) {
            sb.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        sb.append("</ul></nav><main><article><h1>Release notes</h1>");
        for (int i = 0; i < 12; i++) {
            sb.append("<p>Version 2.").append(i).append(" fixes a race in the connection pool that dropped idle ")
                    .append("connections under load and improves retry back-off for upstream timeouts.</p>");
        }
        sb.append("</article></main><footer><div class=\"links\">");
        for (int i = 0; i < 20; i++) {
            sb.append("<a href=\"/legal/").append(i).append("\">Legal ").append(i).append("</a> ");
        }
        return sb.append("</div><p>Copyright 2026 Example Corp</p></footer></body></html>").toString();
    }

    private static String repeatedLogLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("WARN  [pool-3] connection to db-primary:5432 refused, retrying\n");
            if (i % 10 == 0) sb.append("INFO  [main] batch ").append(i).append(" scheduled\n");
        }
        return sb.toString();
    }

    private static ObjectNode request(String systemPrompt, String toolName, String toolOutput) {
        ObjectNode req = MAPPER.createObjectNode();
        req.put("model", "gpt-4o");
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        messages.addObject().put("role", "user").put("content", "What went wrong in the last run?");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", toolName).put("arguments", "{\"limit\": 100}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", toolOutput);
        return req;
    }

    private static ObjectNode withMode(ObjectNode req, String field, String mode) {
        req.putObject("config").put(field, mode);
        return req;
    }

    private static BlockReport toolBlock(SimulationPlan plan) {
        return plan.blocks().stream().filter(b -> b.kind() == BlockKind.TOOL_RESULT).findFirst().orElseThrow();
    }

    // ---- the plan ---------------------------------------------------------------------------------

    @Test
    void planTotalsAreExactlyWhatCompressGivesAndNothingIsStored() throws Exception {
        ObjectNode req = request("You are a helpful SRE assistant.", "fetch_events", prettyJsonToolOutput());
        ObjectNode sent = req.deepCopy();
        Headroom simulating = headroom();

        SimulationPlan plan = simulating.simulate(withMode(req.deepCopy(), "default_mode", "simulate"));

        assertEquals(sent, req, "the request is not modified");
        assertEquals(sent.get("messages"), plan.messages(), "the plan carries the original messages");
        assertEquals(0, simulating.stats().ccrEntries(), "simulation stores nothing in CCR");
        assertEquals(0, simulating.stats().ccrStored());

        CompressResult optimized = headroom().compress(req);
        assertTrue(optimized.tokensSaved() > 0, "the crafted request is compressible");
        assertEquals(optimized.tokensBefore(), plan.tokensBefore());
        assertEquals(optimized.tokensAfter(), plan.tokensAfter());
        assertEquals(optimized.transformsApplied(), plan.transforms());
        assertEquals(optimized.compressionRatio(), plan.compressionRatio(), 1e-12);

        // the hash optimize stored was never stored by the simulation
        Matcher m = MARKER_HASH.matcher(optimized.messages().get(3).get("content").asText());
        assertTrue(m.find(), "optimize names its CCR hash");
        HeadroomException miss = assertThrows(HeadroomException.class, () -> simulating.retrieve(m.group(1), null));
        assertEquals(ErrorType.NOT_FOUND, miss.type());
    }

    @Test
    void breakdownHasOneEntryPerBlockWithRoleKindTypeAndTransform() throws Exception {
        ObjectNode req = request("You are a helpful SRE assistant.", "fetch_events", prettyJsonToolOutput());
        SimulationPlan plan = headroom().simulate(req);

        List<BlockReport> blocks = plan.blocks();
        assertEquals(4, blocks.size(), "system, user, the tool call, the tool result: " + blocks);
        assertEquals(List.of(BlockKind.SYSTEM, BlockKind.USER, BlockKind.TOOL_CALL, BlockKind.TOOL_RESULT),
                blocks.stream().map(BlockReport::kind).toList());
        assertEquals(List.of("system", "user", "assistant", "tool"), blocks.stream().map(BlockReport::role).toList());
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(i, blocks.get(i).index());
        }
        assertEquals(List.of(0, 1, 2, 3), blocks.stream().map(BlockReport::messageIndex).toList());
        assertEquals(0, blocks.get(2).partIndex(), "first tool call of the message");
        assertEquals("fetch_events", blocks.get(2).toolName());

        BlockReport tool = blocks.get(3);
        assertEquals(ContentType.JSON, tool.contentType());
        assertEquals("fetch_events", tool.toolName(), "named after its call");
        assertTrue(tool.tokensAfter() < tool.tokensBefore());
        assertNotNull(tool.transform());
        assertTrue(tool.transform().startsWith("router:json:"), tool.transform());
        assertTrue(plan.transforms().contains(tool.transform()), "a block's transform is one of the plan's");
        assertEquals(plan.tokensSaved(), tool.tokensSaved(), "the tool result is the only block that shrinks");
        for (int i = 0; i < 3; i++) {
            assertNull(blocks.get(i).transform(), "untouched block " + i);
            assertNull(blocks.get(i).contentType(), "content type is for tool results only");
            assertEquals(blocks.get(i).tokensBefore(), blocks.get(i).tokensAfter());
        }
    }

    @Test
    void jsonBloatAndWhitespaceOfAPrettyPrintedToolOutput() throws Exception {
        SimulationPlan plan = headroom().simulate(request("You are terse.", "fetch_events", prettyJsonToolOutput()));
        WasteSignals w = plan.wasteSignals();
        BlockReport tool = toolBlock(plan);

        assertEquals(tool.tokensSaved(), w.jsonBloat().tokens(), "JSON bloat is what crushing removes");
        assertEquals(List.of(tool.index()), w.jsonBloat().blocks());
        assertTrue(w.whitespace().tokens() > tool.tokensBefore() / 5,
                "indentation of pretty-printed JSON is a large share: " + w.whitespace().tokens() + " of " + tool.tokensBefore());
        assertTrue(w.whitespace().blocks().contains(tool.index()));
        assertEquals(0, w.htmlNoise().tokens());
        assertEquals(0, w.dynamicDates().tokens());
    }

    @Test
    void htmlNoiseOfAWebPage() {
        SimulationPlan plan = headroom().simulate(request("You summarise pages.", "fetch_url", htmlPage()));
        BlockReport tool = toolBlock(plan);

        assertEquals(ContentType.HTML, tool.contentType());
        WasteSignal noise = plan.wasteSignals().htmlNoise();
        assertEquals(List.of(tool.index()), noise.blocks());
        assertTrue(noise.tokens() > tool.tokensBefore() / 3,
                "markup, script and navigation are most of the page: " + noise.tokens() + " of " + tool.tokensBefore());
        assertTrue(noise.tokens() < tool.tokensBefore(), "the article text is not noise");
        assertEquals(0, plan.wasteSignals().jsonBloat().tokens());
    }

    @Test
    void dynamicDatesInTheSystemPrompt() {
        String today = LocalDate.now().toString();
        SimulationPlan plan = headroom().simulate(request(
                "You are a support agent for Example Corp. Today is " + today + ". Session id: 4f1c2a9e-77b0-4c1d-9e2f-0a1b2c3d4e5f. "
                        + "Answer briefly.", "fetch_url", "short"));
        WasteSignal dates = plan.wasteSignals().dynamicDates();

        assertTrue(dates.detected(), "today's date and the session id break prefix caching");
        assertEquals(List.of(0), dates.blocks(), "found in the system prompt");
        assertTrue(dates.tokens() >= 10, "the date and the UUID are several tokens: " + dates.tokens());
        assertTrue(dates.tokens() < plan.blocks().get(0).tokensBefore(), "the stable text is not counted");

        SimulationPlan stable = headroom().simulate(request("You are a support agent. Answer briefly.", "fetch_url", "short"));
        assertFalse(stable.wasteSignals().dynamicDates().detected());
    }

    @Test
    void repetitionOfRepeatedLogLines() {
        String log = repeatedLogLines();
        SimulationPlan plan = headroom().simulate(request("You are an SRE.", "tail_log", log));
        BlockReport tool = toolBlock(plan);
        WasteSignal rep = plan.wasteSignals().repetition();

        assertEquals(List.of(tool.index()), rep.blocks());
        // 59 repeats of the same warning line; the six distinct INFO lines do not count
        assertTrue(rep.tokens() > tool.tokensBefore() / 2 && rep.tokens() < tool.tokensBefore(),
                "repeats are most of the log: " + rep.tokens() + " of " + tool.tokensBefore());
    }

    @Test
    void repeatedJsonItemsCountAsRepetition() throws Exception {
        ArrayNode items = MAPPER.createArrayNode();
        for (int i = 0; i < 30; i++) {
            items.addObject().put("level", "warn").put("text", "disk almost full on /var/lib/data");
        }
        items.addObject().put("level", "error").put("text", "disk full");
        SimulationPlan plan = headroom().simulate(request("You are an SRE.", "alerts", MAPPER.writeValueAsString(items)));
        WasteSignal rep = plan.wasteSignals().repetition();

        assertEquals(List.of(toolBlock(plan).index()), rep.blocks());
        assertTrue(rep.tokens() > 29 * 5, "29 repeated items of several tokens each: " + rep.tokens());
        assertFalse(plan.wasteSignals().whitespace().blocks().contains(toolBlock(plan).index()),
                "compact JSON has no excess whitespace");
        assertTrue(plan.wasteSignals().whitespace().blocks().contains(2), "but the tool call's arguments have a space");
    }

    @Test
    void droppedTurnsShowInTheBreakdownAndAreNotStored() {
        ObjectNode req = MAPPER.createObjectNode();
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a helpful assistant.");
        for (int i = 0; i < 30; i++) {
            messages.addObject().put("role", "user").put("content", "Question " + i + ": how do I tune the "
                    + "connection pool of service " + i + " for bursty traffic with long idle periods?");
            messages.addObject().put("role", "assistant").put("content", "Answer " + i + ": raise the minimum "
                    + "idle connections, shorten the validation interval and cap the maximum pool size.");
        }
        req.put("token_budget", 400);
        Headroom h = headroom();

        SimulationPlan plan = h.simulate(req);
        CompressResult optimized = headroom().compress(req);

        assertEquals(optimized.tokensAfter(), plan.tokensAfter());
        assertTrue(plan.tokensAfter() < plan.tokensBefore());
        assertEquals(0, h.stats().ccrEntries(), "the dropped turns are not stored by a simulation");
        List<BlockReport> dropped = plan.blocks().stream().filter(b -> b.messageIndex() != null && b.tokensAfter() == 0).toList();
        assertFalse(dropped.isEmpty());
        for (BlockReport b : dropped) {
            assertTrue(plan.transforms().contains(b.transform()), "dropped by the context strategy: " + b.transform());
        }
        BlockReport system = plan.blocks().get(0);
        assertEquals(BlockKind.SYSTEM, system.kind());
        assertEquals(system.tokensBefore(), system.tokensAfter(), "the system prompt is never dropped");
        List<BlockReport> notes = plan.blocks().stream().filter(b -> b.messageIndex() == null).toList();
        assertEquals(1, notes.size(), "the note that stands in for the dropped turns");
        assertEquals(0, notes.get(0).tokensBefore());
        assertTrue(notes.get(0).tokensAfter() > 0);
    }

    @Test
    void corpusCaseSimulatesLikeItCompresses() {
        CorpusCase c = CorpusCase.load("json_logs_100");
        ObjectNode req = (ObjectNode) c.request().deepCopy();
        SimulationPlan plan = headroom().simulate(req);
        CompressResult optimized = headroom().compress(c.request());

        assertEquals(optimized.tokensBefore(), plan.tokensBefore());
        assertEquals(optimized.tokensAfter(), plan.tokensAfter());
        assertTrue(plan.tokensSaved() > 0);
        assertEquals(c.request().get("messages"), plan.messages());
    }

    // ---- modes on compress() ----------------------------------------------------------------------

    @Test
    void auditReportsWhatOptimizeWouldSaveAndReturnsTheOriginal() throws Exception {
        ObjectNode req = request("You are a helpful SRE assistant.", "fetch_events", prettyJsonToolOutput());
        Headroom auditing = headroom();

        CompressResult audit = auditing.compress(withMode(req.deepCopy(), "default_mode", "audit"));
        CompressResult optimized = headroom().compress(req);

        assertEquals(req.get("messages"), audit.messages(), "messages unchanged");
        assertTrue(audit.ccrHashes().isEmpty());
        assertEquals(0, auditing.stats().ccrEntries(), "audit stores nothing");
        assertEquals(optimized.tokensBefore(), audit.tokensBefore());
        assertEquals(optimized.tokensAfter(), audit.tokensAfter());
        assertEquals(optimized.transformsApplied(), audit.transformsApplied());
        assertTrue(audit.tokensSaved() > 0);
        assertFalse(optimized.ccrHashes().isEmpty(), "optimize does store");
    }

    @Test
    void modeIsReadFromDefaultModeOrItsAlias() {
        ObjectNode req = request("s", "t", "x");
        assertEquals(CompressMode.OPTIMIZE, CompressMode.of(req));
        assertEquals(CompressMode.SIMULATE, CompressMode.of(withMode(req.deepCopy(), "default_mode", "simulate")));
        assertEquals(CompressMode.SIMULATE, CompressMode.of(withMode(req.deepCopy(), "mode", " Simulate ")));
        assertEquals(CompressMode.AUDIT, CompressMode.of(withMode(req.deepCopy(), "mode", "audit")));
        assertEquals(CompressMode.OPTIMIZE, CompressMode.of(withMode(req.deepCopy(), "default_mode", "optimize")));

        for (ObjectNode bad : List.of(withMode(req.deepCopy(), "default_mode", "dry-run"),
                withMode(req.deepCopy(), "mode", "passthrough"))) {
            HeadroomException e = assertThrows(HeadroomException.class, () -> headroom().compress(bad));
            assertEquals(ErrorType.VALIDATION_ERROR, e.type());
        }
        ObjectNode conflicting = req.deepCopy();
        conflicting.putObject("config").put("default_mode", "audit").put("mode", "simulate");
        assertEquals(ErrorType.VALIDATION_ERROR, assertThrows(HeadroomException.class,
                () -> CompressMode.of(conflicting)).type());
        ObjectNode notText = req.deepCopy();
        notText.putObject("config").put("default_mode", 3);
        assertEquals(ErrorType.VALIDATION_ERROR, assertThrows(HeadroomException.class,
                () -> headroom().simulate(notText)).type());
    }

    @Test
    void planJsonIsSnakeCase() throws Exception {
        SimulationPlan plan = headroom().simulate(request("You are terse. Today is " + LocalDate.now() + ".",
                "fetch_events", prettyJsonToolOutput()));
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(plan.toJson()));

        assertEquals("simulate", json.get("mode").asText());
        assertEquals(plan.tokensBefore(), json.get("tokens_before").asInt());
        assertEquals(plan.tokensAfter(), json.get("tokens_after").asInt());
        assertEquals(plan.tokensSaved(), json.get("tokens_saved").asInt());
        assertEquals(plan.compressionRatio(), json.get("compression_ratio").asDouble(), 0.0001);
        assertEquals(plan.transforms().size(), json.get("transforms").size());
        assertEquals(json.get("transforms"), json.get("transforms_applied"));
        assertTrue(json.get("ccr_hashes").isArray() && json.get("ccr_hashes").isEmpty());
        assertEquals(plan.messages(), json.get("messages"));
        for (String k : List.of("json_bloat", "html_noise", "whitespace", "dynamic_dates", "repetition")) {
            assertTrue(json.at("/waste_signals/" + k + "/tokens").isInt(), k);
            assertTrue(json.at("/waste_signals/" + k + "/blocks").isArray(), k);
        }
        assertTrue(json.at("/waste_signals/dynamic_dates/tokens").asInt() > 0);
        JsonNode tool = json.get("blocks").get(3);
        assertEquals("tool_result", tool.get("kind").asText());
        assertEquals("json", tool.get("content_type").asText());
        assertEquals("tool", tool.get("role").asText());
        assertEquals(3, tool.get("message_index").asInt());
        assertTrue(tool.get("part_index").isNull());
        assertTrue(tool.get("transform").asText().startsWith("router:json:"));
        assertTrue(json.get("blocks").get(0).get("content_type").isNull());
    }
}
