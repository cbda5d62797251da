package io.headroom.sample.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.conformance.sdk.NodeProcess;
import io.headroom.sample.UpstreamStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The original project's TypeScript SDK ({@code headroom-ai} 0.37.0 from npm), run unchanged by the
 * machine's Node.js against the gateway on its test port: compress (the ratio's meaning and the README's
 * percentage saved, config options), retrieve (with and without query), CCR stats, memory usage, clear cache,
 * health, stats, metrics, getMetrics() (the recent requests), stats history, feedback, TOIN and telemetry (issue 18)
 * and the error classes it maps our errors to.
 * Needs node and npm on the PATH; fails, never skips, without them.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class TypeScriptSdkCompatibilityTest {
    static final String SDK_VERSION = "0.37.0";
    private static final String MARKER = "SDK-COMPAT-RESULT ";
    private final ObjectMapper mapper = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void theOriginalTypeScriptSdkWorksAgainstTheGateway() throws Exception {
        JsonNode r = runSdkScript();

        JsonNode compress = r.get("compress");
        assertFalse(compress.has("threw"), compress.toString());
        assertTrue(compress.get("compressed").asBoolean());
        assertTrue(compress.get("tokensBefore").asInt() > 5_000, compress.toString());
        assertTrue(compress.get("tokensAfter").asInt() < compress.get("tokensBefore").asInt() / 2);
        assertEquals(compress.get("tokensBefore").asInt() - compress.get("tokensAfter").asInt(),
                compress.get("tokensSaved").asInt());
        // the original's meaning: tokens after / tokens before, so the SDK's (1 - ratio) is the saving
        assertEquals(compress.get("tokensAfter").asDouble() / compress.get("tokensBefore").asDouble(),
                compress.get("compressionRatio").asDouble(), 1e-9, compress.toString());
        long percent = Math.round(100.0 * compress.get("tokensSaved").asInt() / compress.get("tokensBefore").asInt());
        assertEquals(percent, compress.get("percentSaved").asLong(), "the SDK README's percentage saved");
        assertTrue(compress.get("percentSaved").asInt() > 50, compress.toString());
        assertFalse(compress.get("transformsApplied").isEmpty());
        assertEquals(1, compress.get("ccrHashes").size());
        assertEquals(4, compress.get("messageCount").asInt());
        assertTrue(compress.get("toolKeepsNeedle").asBoolean(), "the error item survives compression");
        assertTrue(compress.get("toolShorter").asBoolean());
        String hash = compress.get("ccrHashes").get(0).asText();

        JsonNode retrieve = r.get("retrieve");
        assertEquals(hash, retrieve.path("hash").asText(), retrieve.toString());
        assertTrue(retrieve.get("identical").asBoolean(), "originalContent is the original, byte-identical");
        assertEquals(200, retrieve.get("originalItemCount").asInt());
        assertTrue(retrieve.get("originalTokens").asInt() > 0);
        assertTrue(retrieve.get("retrievalCount").asInt() >= 1);
        assertTrue(retrieve.get("hasToolName").asBoolean());

        JsonNode query = r.get("retrieveQuery");
        assertEquals("PaymentGatewayTimeout", query.path("query").asText(), query.toString());
        assertTrue(query.get("count").asInt() >= 1);
        assertTrue(query.get("matched").asBoolean());

        JsonNode chat = r.get("chatCompletion");
        assertEquals("chat.completion", chat.path("object").asText(), chat.toString());
        assertEquals(1, chat.get("choices").asInt());

        assertMessagesCreateWasCompressed(r);
        assertToolCalls(r, hash);
        assertSimulations(r, compress);
        assertLearningRoutes(r);

        JsonNode ccr = r.get("ccrStats");
        assertTrue(ccr.at("/store/entries").asInt() >= 1, ccr.toString());
        assertTrue(ccr.at("/store/maxEntries").asInt() > 0);
        assertTrue(ccr.at("/store/retrievals").asInt() >= 2);

        JsonNode memory = r.get("memoryUsage");
        assertFalse(memory.has("threw"), memory.toString());
        assertTrue(memory.at("/processMemory/rss").asLong() > 0, memory.toString());
        assertTrue(memory.at("/components/jvmHeap/memoryMb").asDouble() > 0, memory.toString());
        assertEquals("cache disabled", r.at("/clearCache/status").asText(), r.get("clearCache").toString());
        JsonNode configured = r.get("compressConfig");
        assertFalse(configured.has("threw"), configured.toString());
        assertTrue(configured.get("tokensSaved").asInt() > 0, configured.toString());

        JsonNode users = r.get("compressUserMessages");
        assertTrue(users.get("tokensSaved").asInt() > 0 && users.get("userUnchanged").asBoolean(), users.toString());

        JsonNode health = r.get("health");
        assertEquals("healthy", health.path("status").asText(), health.toString());
        assertTrue(health.hasNonNull("version"));
        assertTrue(health.at("/config/optimize").isBoolean());
        assertTrue(r.at("/validateSetup/valid").asBoolean(), r.get("validateSetup").toString());

        JsonNode proxyStats = r.get("proxyStats");
        assertFalse(proxyStats.has("threw"), proxyStats.toString());
        assertTrue(proxyStats.at("/requests/total").asLong() >= 1, proxyStats.toString());
        assertTrue(proxyStats.at("/tokens/saved").asLong() > 0);
        JsonNode stats = r.get("stats");
        assertTrue(stats.get("totalTokensBefore").asLong() > 0, stats.toString());
        assertTrue(stats.get("totalTokensSaved").asLong() > 0);
        assertEquals(stats.get("totalTokensBefore").asLong() - stats.get("totalTokensSaved").asLong(),
                stats.get("totalTokensAfter").asLong());
        assertTrue(r.at("/summary/averageCompressionRatio").asDouble() > 0, r.get("summary").toString());

        JsonNode metrics = r.get("metrics");
        assertEquals(List.of("headroom_requests_total", "headroom_tokens_saved_total", "headroom_compression_ratio",
                "headroom_latency_seconds", "headroom_cache_hits_total", "headroom_persistent_savings_tokens_saved_total"),
                mapper.convertValue(metrics.get("present"), List.class), metrics.toString());
        assertTrue(metrics.get("requestsTotalUnlabelled").asBoolean(), "headroom_requests_total as the original's");

        // getMetrics() lists /stats recent_requests: the SDK's chat completion, as it went upstream
        JsonNode requestMetrics = r.get("getMetrics");
        assertFalse(requestMetrics.has("threw"), requestMetrics.toString());
        JsonNode proxied = null;
        for (JsonNode m : requestMetrics.get("all")) {
            if ("openai".equals(m.path("provider").asText()) && m.path("tokensSaved").asLong() > 0) {
                proxied = m;
            }
        }
        assertTrue(proxied != null, "the compressed chat completion is listed: " + requestMetrics);
        assertEquals("gpt-4o", proxied.path("model").asText(), proxied.toString());
        assertEquals(proxied.get("inputTokensOriginal").asLong() - proxied.get("inputTokensOptimized").asLong(),
                proxied.get("tokensSaved").asLong(), proxied.toString());
        assertTrue(proxied.get("totalLatencyMs").asDouble() > 0, proxied.toString());
        assertTrue(proxied.get("transformsApplied").isArray() && !proxied.get("transformsApplied").isEmpty());
        assertEquals(1, requestMetrics.get("gpt4oCount").asInt(), "filter by model and limit");
        assertEquals("gpt-4o", requestMetrics.get("gpt4oModel").asText());
        assertEquals(0, requestMetrics.get("noneCount").asInt());

        JsonNode history = r.get("statsHistory");
        assertFalse(history.has("threw"), history.toString());
        assertEquals(3, history.get("schemaVersion").asInt(), history.toString());
        assertEquals(List.of("hourly", "daily", "weekly", "monthly"),
                mapper.convertValue(history.get("seriesKeys"), List.class));
        assertTrue(history.at("/lifetime/tokens_saved").asLong() > 0, history.toString());
        assertTrue(history.get("historyPoints").asInt() >= 1);
        assertTrue(history.get("dailyRows").asInt() >= 1);
        assertTrue(history.get("dailyTokensSaved").asLong() > 0);
        assertTrue(r.at("/statsHistoryHourly/hourlyRows").asInt() >= 1, r.get("statsHistoryHourly").toString());
        assertTrue(r.at("/statsHistorySeriesHistory/historyPoints").asInt() >= 1,
                "series=history is the original's default, not an error: " + r.get("statsHistorySeriesHistory"));
        JsonNode csv = r.get("statsHistoryCsv");
        assertTrue(csv.path("contentType").asText().startsWith("text/csv"), csv.toString());
        assertTrue(csv.path("header").asText().startsWith("timestamp,tokens_saved,compression_savings_usd_delta"),
                csv.toString());

        JsonNode errors = r.get("errors");
        assertError(errors.get("retrieveUnknownHash"), "HeadroomCompressError", 404, "not_found");
        assertError(errors.get("retrieveEmptyHash"), "ValidationError", 400, "validation_error");
        assertError(errors.get("compressWithoutMessages"), "ValidationError", 400, "validation_error");
        assertError(errors.get("compressMalformedBody"), "ValidationError", 400, "validation_error");
        assertError(errors.get("compressWithoutModel"), "ValidationError", 400, "validation_error");
        assertError(errors.get("toolCallNotRetrieve"), "ValidationError", 400, "validation_error");
        assertError(errors.get("toolCallWithoutCall"), "ValidationError", 400, "validation_error");
        assertError(errors.get("toolCallUnknownProvider"), "ValidationError", 400, "validation_error");
        assertError(errors.get("toolCallMalformedBody"), "ValidationError", 400, "validation_error");
        assertError(errors.get("toolCallRefused"), "HeadroomCompressError", 403, "forbidden");
        assertError(errors.get("simulateWithoutModel"), "ValidationError", 400, "validation_error");
        assertError(errors.get("simulateUnknownMode"), "ValidationError", 400, "validation_error");
        assertError(errors.get("simulateRefused"), "HeadroomCompressError", 403, "forbidden");
        JsonNode down = errors.get("unreachableProxy");
        assertEquals("HeadroomConnectionError", down.path("name").asText(), down.toString());
    }

    /** messages.create: the SDK's own headers accepted, the stub's answer relayed, the tool_result compressed. */
    private static void assertMessagesCreateWasCompressed(JsonNode r) {
        JsonNode created = r.get("messagesCreate");
        assertEquals("message", created.path("type").asText(), created.toString());
        assertEquals("assistant", created.path("role").asText());
        assertEquals("stub answer", created.path("text").asText());
        JsonNode m = r.get("messagesMetrics");
        assertEquals("anthropic", m.path("provider").asText(), m.toString());
        assertTrue(m.path("tokensSaved").asLong() > m.path("inputTokensOriginal").asLong() / 2,
                "the tool_result went upstream compressed: " + m);
        assertEquals(m.get("inputTokensOriginal").asLong() - m.get("inputTokensOptimized").asLong(),
                m.get("tokensSaved").asLong(), m.toString());
    }

    /** handleToolCall: the original's request and answer shapes for both providers, the tenant's own store. */
    private static void assertToolCalls(JsonNode r, String hash) {
        JsonNode openai = r.get("toolCallOpenAI");
        assertTrue(openai.path("success").asBoolean(), openai.toString());
        assertEquals("tool", openai.path("role").asText(), openai.toString());
        assertEquals("call_ccr1", openai.path("toolCallId").asText());
        assertTrue(openai.path("contentIdentical").asBoolean(), "the tool result is the original, byte-identical");
        assertEquals(hash, openai.path("dataHash").asText());
        assertTrue(openai.path("dataIdentical").asBoolean(), openai.toString());

        JsonNode anthropic = r.get("toolCallAnthropic");
        assertTrue(anthropic.path("success").asBoolean(), anthropic.toString());
        assertEquals("tool_result", anthropic.path("type").asText(), anthropic.toString());
        assertEquals("toolu_ccr1", anthropic.path("toolUseId").asText());
        assertFalse(anthropic.path("isError").asBoolean());
        assertEquals("PaymentGatewayTimeout", anthropic.path("dataQuery").asText(), anthropic.toString());
        assertTrue(anthropic.path("dataCount").asInt() >= 1 && anthropic.path("matched").asBoolean(), anthropic.toString());

        // the original: an unknown hash is a tool result saying so (HTTP 200), not an HTTP error
        JsonNode unknown = r.get("toolCallUnknownHash");
        assertFalse(unknown.path("success").asBoolean(true), unknown.toString());
        assertTrue(unknown.path("isError").asBoolean(), unknown.toString());
        assertEquals("toolu_x", unknown.path("toolUseId").asText());
        assertEquals("0123456789abcdef01234567", unknown.path("dataHash").asText());
        assertEquals("missing", unknown.path("dataStatus").asText());
        assertTrue(unknown.path("dataError").asBoolean(), unknown.toString());
    }

    /** simulate() and both namespaces' simulate: the plan, with the original's breakdown and diff artifact. */
    private static void assertSimulations(JsonNode r, JsonNode compress) {
        for (String key : List.of("simulate", "chatSimulate")) {
            JsonNode s = r.get(key);
            assertPlan(key, s);
            int before = s.path("tokensBefore").asInt();
            int after = s.path("tokensAfter").asInt();
            assertTrue(before > 5_000 && after < before / 2, key + ": " + s);
            assertFalse(s.path("transforms").isEmpty(), key + ": " + s);
            long perTransform = 0;
            for (JsonNode t : s.at("/diffArtifact/transforms")) {
                assertFalse(t.path("transformName").asText().isEmpty(), t.toString());
                assertEquals(t.path("tokensBefore").asInt() - t.path("tokensAfter").asInt(),
                        t.path("tokensSaved").asInt(), t.toString());
                perTransform += t.path("tokensSaved").asInt();
            }
            assertTrue(perTransform > 0 && perTransform <= before - after + 50, key + ": " + s);
        }
        // messages.simulate sends Anthropic-shaped messages unconverted: the tool_result block is counted and
        // planned like the same rows as an OpenAI tool message
        JsonNode anthropic = r.get("messagesSimulate");
        assertPlan("messagesSimulate", anthropic);
        int anthropicBefore = anthropic.path("tokensBefore").asInt();
        assertTrue(anthropicBefore > 5_000 && anthropic.path("tokensAfter").asInt() < anthropicBefore / 2, anthropic.toString());
        // block_breakdown.tool_result, camel-cased by the SDK
        assertTrue(anthropic.at("/blockBreakdown/toolResult").asInt() > 5_000, "the tool_result block counted: " + anthropic);
        JsonNode raw = r.get("compressRawAnthropic");
        assertFalse(raw.has("threw"), raw.toString());
        int rawBefore = raw.path("tokensBefore").asInt();
        assertTrue(rawBefore > 5_000 && raw.path("tokensAfter").asInt() < rawBefore / 2, raw.toString());
        assertEquals((double) raw.path("tokensAfter").asInt() / rawBefore, raw.path("compressionRatio").asDouble(), 1e-9);
        assertEquals(rawBefore - raw.path("tokensAfter").asInt(), raw.path("tokensSaved").asInt());
        assertEquals(1, raw.path("ccrHashes").size(), raw.toString());
        assertFalse(raw.path("hasSystem").asBoolean(), "the answer carries messages only, as the original's");
        assertTrue(raw.path("firstTwoUnchanged").asBoolean(), raw.toString());
        assertEquals("tool_result", raw.path("blockType").asText(), raw.toString());
        assertEquals("toolu_01", raw.path("toolUseId").asText());
        assertTrue(raw.path("keepsNeedle").asBoolean() && raw.path("shorter").asBoolean(), raw.toString());
        JsonNode top = r.get("simulate");
        assertTrue(top.path("messagesUnchanged").asBoolean(), "simulate leaves the messages as sent: " + top);
        // the same messages and model as compress(): the plan's totals are what optimize gave
        assertEquals(compress.path("tokensBefore").asInt(), top.path("tokensBefore").asInt(), top.toString());
        assertEquals(compress.path("tokensAfter").asInt(), top.path("tokensAfter").asInt(), top.toString());
        assertEquals(r.at("/ccrStatsBeforeSimulate/store/entries").asInt(), r.at("/ccrStatsAfterSimulate/store/entries").asInt(),
                "simulate stores no originals");
    }

    /** The fields every simulate answer carries, whatever the messages: the SDK's SimulationResult and DiffArtifact. */
    private static void assertPlan(String key, JsonNode s) {
        assertFalse(s.has("threw"), key + ": " + s);
        assertEquals("simulate", s.path("mode").asText(), key + ": " + s);
        int before = s.path("tokensBefore").asInt();
        int after = s.path("tokensAfter").asInt();
        assertEquals(before - after, s.path("tokensSaved").asInt(), key);
        assertTrue(s.path("transforms").isArray(), key + ": " + s);
        assertTrue(s.path("ccrHashes").isEmpty(), "a plan stores nothing: " + s);
        assertTrue(s.path("wasteSignalKinds").size() > 0, key + ": " + s);
        JsonNode breakdown = s.path("blockBreakdown");
        assertTrue(breakdown.isObject() && breakdown.size() > 0, key + ": " + s);
        long breakdownTokens = 0;
        for (JsonNode v : breakdown) {
            breakdownTokens += v.asLong();
        }
        assertTrue(breakdownTokens > 0 && breakdownTokens <= before, key + ": " + s);
        JsonNode diff = s.path("diffArtifact");
        assertFalse(diff.path("requestId").asText().isEmpty(), key + ": " + s);
        assertEquals(before, diff.path("originalTokens").asInt(), key);
        assertEquals(after, diff.path("optimizedTokens").asInt(), key);
        assertEquals(before - after, diff.path("totalTokensSaved").asInt(), key);
        assertTrue(diff.path("transforms").isArray(), key + ": " + s);
    }

    /**
     * Issue 18: {@code feedback.*}, {@code toin.*} and {@code telemetry.*} answer from what the script's
     * compressions (of the {@code search_logs} output) and retrievals (whole, with a query, tool calls, one
     * unknown hash) taught the gateway.
     */
    private static void assertLearningRoutes(JsonNode r) {
        assertEquals("reset", r.at("/toinReset/status").asText(), r.path("toinReset").toString());
        assertEquals("search_logs", r.path("toolName").asText(), r.toString());
        JsonNode toin = r.get("toinStats");
        assertFalse(toin.has("threw"), toin.toString());
        assertTrue(toin.get("enabled").asBoolean());
        assertTrue(toin.get("patternsTracked").asInt() >= 1, toin.toString());
        long compressions = toin.get("totalCompressions").asLong();
        long retrievals = toin.get("totalRetrievals").asLong();
        assertTrue(compressions >= 1, toin.toString());
        // POST /v1/retrieve whole and with a query, tool_call whole and with a query
        assertTrue(retrievals >= 4, toin.toString());
        assertEquals((double) retrievals / compressions, toin.get("globalRetrievalRate").asDouble(), 1e-9);
        assertTrue(toin.get("feedbackUnknown").asLong() >= 1, "the tool call of an unknown hash: " + toin);

        JsonNode feedback = r.get("feedbackStats");
        assertEquals(compressions, feedback.at("/feedback/totalCompressions").asLong(), feedback.toString());
        assertEquals(retrievals, feedback.at("/feedback/totalRetrievals").asLong());
        // the SDK camel-cases every key, tool names included
        JsonNode tool = feedback.at("/feedback/toolPatterns/searchLogs");
        assertTrue(tool.get("retrievals").asLong() >= 4, feedback.toString());
        assertTrue(tool.get("searchRate").asDouble() > 0 && tool.get("fullRate").asDouble() > 0, tool.toString());
        assertTrue(tool.get("commonQueries").toString().toLowerCase().contains("paymentgatewaytimeout"), tool.toString());
        assertTrue(feedback.at("/hintsExample/searchLogs/hints/maxItems").asInt() > 0, feedback.toString());

        JsonNode hints = r.get("feedbackHints");
        assertEquals("search_logs", hints.path("toolName").asText(), hints.toString());
        assertTrue(hints.at("/hints/maxItems").asInt() > 0);
        assertTrue(hints.at("/hints/aggressiveness").asDouble() > 0, "most items were left out: " + hints);
        assertTrue(hints.at("/pattern/totalRetrievals").asLong() >= 4, hints.toString());
        assertTrue(r.at("/feedbackHintsUnknownTool/pattern").isNull(), r.get("feedbackHintsUnknownTool").toString());

        JsonNode patterns = r.get("toinPatterns");
        assertTrue(patterns.isArray() && patterns.size() >= 1, patterns.toString());
        String signature = r.path("signature").asText();
        assertEquals(signature.substring(0, 12), patterns.get(0).path("hash").asText(), patterns.toString());
        assertTrue(patterns.get(0).path("retrievalRate").asText().endsWith("%"), patterns.toString());

        JsonNode telemetry = r.get("telemetryStats");
        assertTrue(telemetry.get("localOnly").asBoolean(), telemetry.toString());
        assertEquals(compressions, telemetry.get("totalCompressions").asLong());
        assertTrue(telemetry.get("totalTokensSaved").asLong() > 0, telemetry.toString());
        assertEquals(r.at("/telemetryTools/toolCount").asInt(), telemetry.get("toolSignaturesTracked").asInt());
        JsonNode one = r.get("telemetryTool");
        assertEquals(signature, one.path("signatureHash").asText(), one.toString());
        assertEquals("search_logs", one.at("/stats/toolName").asText(), one.toString());
        assertEquals(signature, r.at("/toinPattern/signatureHash").asText(), r.get("toinPattern").toString());

        JsonNode imported = r.get("telemetryImport");
        assertEquals("imported", imported.path("status").asText(), imported.toString());
        assertEquals(2 * compressions, imported.at("/current_stats/total_compressions").asLong(),
                "the import of its own export adds every count again: " + imported);
        assertError(r.at("/errors/toinPatternUnknown"), "HeadroomCompressError", 404, "not_found");
        assertError(r.at("/errors/telemetryToolUnknown"), "HeadroomCompressError", 404, "not_found");
        assertError(r.at("/errors/telemetryImportNotAnExport"), "ValidationError", 400, "validation_error");
    }

    private static void assertError(JsonNode e, String name, int status, String type) {
        assertEquals(name, e.path("name").asText(), e.toString());
        assertTrue(e.get("isHeadroomError").asBoolean(), e.toString());
        assertEquals(status, e.get("statusCode").asInt(), e.toString());
        assertEquals(type, e.get("errorType").asText(), e.toString());
    }

    /** Prepares target/sdk-test, installs the pinned SDK and runs the script; returns its JSON line. */
    private JsonNode runSdkScript() throws Exception {
        Path dir = Path.of("target", "sdk-test").toAbsolutePath();
        Files.createDirectories(dir);
        NodeProcess.requireTool("node", dir);
        NodeProcess.requireTool(NodeProcess.npm(), dir);
        Files.writeString(dir.resolve("package.json"), """
                {
                  "name": "headroom-sdk-compat",
                  "private": true,
                  "type": "module",
                  "dependencies": { "headroom-ai": "%s" }
                }
                """.formatted(SDK_VERSION));
        Files.copy(Path.of("src", "test", "node", "sdk-compat.mjs"), dir.resolve("sdk-compat.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
        // a cache under target/ works in a fresh CI checkout and leaves the user's ~/.npm alone
        Map<String, String> env = Map.of("npm_config_cache", dir.resolve(".npm-cache").toString(),
                "npm_config_update_notifier", "false");
        NodeProcess.Result install = NodeProcess.run(List.of(NodeProcess.npm(), "install", "--no-audit", "--no-fund"),
                dir, env, Duration.ofMinutes(5));
        if (install.exitCode() != 0) {
            fail("npm install of headroom-ai@" + SDK_VERSION + " failed (" + install.exitCode() + "):\n" + install.output());
        }
        // Node resolves "localhost" to ::1 first; the gateway listens on 127.0.0.1
        String baseUrl = "http://127.0.0.1:" + base.getPort();
        Path request = Path.of("examples", "compress-request.json").toAbsolutePath();
        NodeProcess.Result run = NodeProcess.run(List.of("node", "sdk-compat.mjs", baseUrl, request.toString()),
                dir, env, Duration.ofMinutes(2));
        if (run.exitCode() != 0) {
            fail("node sdk-compat.mjs failed (" + run.exitCode() + "):\n" + run.output());
        }
        return run.output().lines().filter(l -> l.startsWith(MARKER)).findFirst()
                .map(l -> {
                    try {
                        return mapper.readTree(l.substring(MARKER.length()));
                    } catch (Exception e) {
                        throw new AssertionError("unparsable SDK output: " + l, e);
                    }
                })
                .orElseThrow(() -> new AssertionError("the SDK script printed no result:\n" + run.output()));
    }
}
