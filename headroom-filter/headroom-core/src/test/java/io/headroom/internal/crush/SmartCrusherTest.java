package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SmartCrusherTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH = "0123abcd";

    private final SmartCrusher crusher = new SmartCrusher(CrusherConfig.defaults());

    // ---- arrays of objects -------------------------------------------------------------------------------

    @Test
    void objectArrayKeepsFirstLastSampleAndStatesTheMarker() throws Exception {
        String json = objects(100, i -> row(i, "ok", 40 + i % 7));
        CrushResult r = crusher.crush(json, null, HASH);

        assertTrue(r.changed());
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        assertEquals(100, r.originalItemCount());
        assertEquals(6, r.keptItemCount(), "repetitive rows: adaptive K falls to keep-first + keep-last + 1");
        assertEquals("[100 items compressed to 6. Retrieve more: hash=" + HASH + "]", out.get(0).get("_headroom").asText());
        assertEquals(7, out.size());
        List<Integer> ids = ids(out);
        assertEquals(List.of(0, 1, 2), ids.subList(0, 3), "first 3 kept in order");
        assertEquals(List.of(98, 99), ids.subList(4, 6), "last 2 kept in order");
        assertEquals(ids.stream().sorted().toList(), ids, "original order preserved");
        assertTrue(r.content().length() < json.length());
    }

    @Test
    void everyErrorItemIsKeptOnTopOfTheBudget() throws Exception {
        String json = objects(200, i -> switch (i) {
            case 37 -> row(i, "upstream returned 502: connection refused, request failed", 41);
            case 111 -> row(i, "java.lang.IllegalStateException: boom", 42);
            case 150 -> row(i, "permission denied for user 7", 43);
            default -> row(i, "request " + i + " served", 40 + i % 5);
        });
        ArrayNode out = (ArrayNode) MAPPER.readTree(crusher.crush(json, null, HASH).content());
        List<Integer> ids = ids(out);
        assertTrue(ids.containsAll(List.of(37, 111, 150)), ids.toString());
        assertEquals(9, ids.size(), "adaptive K of 6 for these uniform rows, plus 3 errors");
    }

    @Test
    void errorsAreNotForcedWhenPreservationIsOff() throws Exception {
        SmartCrusher lenient = new SmartCrusher(CrusherConfig.builder().preserveErrors(false).build());
        String json = objects(200, i -> row(i, i % 50 == 20 ? "request " + i + " failed" : "request " + i + " served", 40 + i % 5));
        CrushResult r = lenient.crush(json, null, HASH);
        assertEquals(6, r.keptItemCount(), "only the adaptive K of 6, no error items on top");
    }

    @Test
    void levelFieldAndServerStatusMarkErrors() throws Exception {
        String json = objects(100, i -> {
            ObjectNode o = MAPPER.createObjectNode().put("id", i).put("svc", "svc" + (i % 4));
            o.put("level", i == 44 ? "ERROR" : "INFO").put("code", i == 44 ? 1 : 0);
            o.put("status", i == 71 ? 500 : 200);
            o.put("msg", "m" + i);
            return o;
        });
        List<Integer> ids = ids((ArrayNode) MAPPER.readTree(crusher.crush(json, null, HASH).content()));
        assertTrue(ids.containsAll(List.of(44, 71)), ids.toString());
    }

    @Test
    void numericOutlierIsKept() throws Exception {
        String json = objects(300, i -> row(i, "request " + i + " served", i == 123 ? 98_000 : 30 + i % 20));
        List<Integer> ids = ids((ArrayNode) MAPPER.readTree(crusher.crush(json, null, HASH).content()));
        assertTrue(ids.contains(123), ids.toString());
    }

    @Test
    void rareCategoricalValueIsKept() throws Exception {
        String json = objects(500, i -> MAPPER.createObjectNode().put("id", i).put("name", "customer_" + i)
                .put("plan", List.of("pro", "team", "basic").get(i % 3)).put("balance", 100 + (i * 37) % 400)
                .put("status", i == 321 ? "suspended" : "active"));
        String out = crusher.crush(json, null, HASH).content();
        assertTrue(out.contains("\"customer_321\""), "the only suspended account must survive");
    }

    @Test
    void queryRelevantItemIsKeptAndUnrelatedQueryAddsNothing() throws Exception {
        String json = objects(400, i -> MAPPER.createObjectNode().put("title", "Result " + i + ": Python packaging")
                .put("url", "https://docs.example.org/py/" + i)
                .put("snippet", i == 230 ? "The rate limiter checks each JWT signature" : "An overview of decorators, part " + i % 40));
        CrushResult hit = crusher.crush(json, "How does the rate limiter validate JWTs?", HASH);
        assertTrue(hit.content().contains("https://docs.example.org/py/230\""));

        CrushResult miss = crusher.crush(json, "What is the weather in Oslo?", HASH);
        assertEquals(crusher.crush(json, null, HASH).keptItemCount(), miss.keptItemCount());
    }

    @Test
    void queryTermPresentInEveryItemIsIgnored() throws Exception {
        String json = objects(400, i -> MAPPER.createObjectNode().put("id", i).put("name", "customer_" + i)
                .put("balance", 100 + (i * 37) % 400));
        assertEquals(crusher.crush(json, null, HASH).keptItemCount(),
                crusher.crush(json, "Which customer has a problem?", HASH).keptItemCount());
    }

    @Test
    void constantFieldsAreStatedOnceAndRemovedFromItems() throws Exception {
        String json = objects(60, i -> row(i, "request " + i + " served", 40 + i % 5).put("region", "eu-west-1").put("v", 2));
        ArrayNode out = (ArrayNode) MAPPER.readTree(crusher.crush(json, null, HASH).content());
        JsonNode constants = out.get(0).get("_constant_fields");
        assertEquals("eu-west-1", constants.get("region").asText());
        assertEquals(2, constants.get("v").asInt());
        assertFalse(constants.has("id"));
        for (int i = 1; i < out.size(); i++) {
            assertFalse(out.get(i).has("region"));
            assertFalse(out.get(i).has("v"));
            assertTrue(out.get(i).has("id"));
        }
    }

    @Test
    void nestedResultsArrayIsCrushedAndSiblingFieldsKept() throws Exception {
        ObjectNode root = MAPPER.createObjectNode().put("query", "python").put("total", 500);
        ArrayNode results = root.putArray("results");
        for (int i = 0; i < 500; i++) results.add(row(i, "hit " + i, 10 + i % 9));
        root.putObject("meta").putObject("page").put("size", 500);
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(root), null, HASH);
        JsonNode out = MAPPER.readTree(r.content());
        assertEquals("python", out.get("query").asText());
        assertEquals(500, out.get("total").asInt());
        assertEquals(500, out.at("/meta/page/size").asInt());
        assertTrue(out.get("results").get(0).get("_headroom").asText().startsWith("[500 items compressed to " + r.keptItemCount() + "."));
        assertTrue(r.keptItemCount() <= 15, "adaptive K stays within max-items-after-crush");
        assertEquals(500, r.originalItemCount());
    }

    @Test
    void decimalsKeepTheirWrittenForm() throws Exception {
        String json = "[" + objectsBody(80,
                i -> "{\"id\":" + i + ",\"balance\":" + (i == 50 ? "-99231.57" : "100.0") + ",\"note\":\"n" + i + "\"}") + "]";
        String out = crusher.crush(json, null, HASH).content();
        assertTrue(out.contains("-99231.57"));
        assertTrue(out.contains("\"balance\":100.0"), out);
    }

    // ---- arrays of strings -------------------------------------------------------------------------------

    @Test
    void stringArrayIsDedupedAndKeepsErrorsMatchesAndLengthAnomalies() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) lines.add("src/main/java/com/acme/web/Service" + (i % 250) + ".java");
        lines.set(77, "src/main/java/com/acme/security/CsrfTokenValidator.java");
        lines.set(140, "ERROR build step failed: compilation of module core");
        lines.set(200, "src/main/java/com/acme/" + "very/deeply/nested/package/".repeat(12) + "Thing.java");
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(lines), "Which file validates CSRF tokens?", HASH);
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        JsonNode header = out.get(0);
        assertTrue(header.get("_headroom").asText().startsWith("[300 items compressed to " + r.keptItemCount() + "."));
        assertTrue(header.get("_unique_items").asInt() < 300);
        String content = r.content();
        assertTrue(content.contains("CsrfTokenValidator.java"));
        assertTrue(content.contains("ERROR build step failed"));
        assertTrue(content.contains("Thing.java"));
        for (int i = 1; i < out.size(); i++) assertTrue(out.get(i).isTextual());
        assertEquals(out.size() - 1, r.keptItemCount());
    }

    // ---- arrays of numbers -------------------------------------------------------------------------------

    @Test
    void numberArrayBecomesASummaryWithOutliers() throws Exception {
        ArrayNode values = MAPPER.createArrayNode();
        for (int i = 0; i < 720; i++) values.add(i == 513 ? 987.6 : 40 + (i * 7 % 11) / 2.0);
        ObjectNode root = MAPPER.createObjectNode().put("metric", "p99_latency_ms");
        root.set("values", values);
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(root), null, HASH);
        JsonNode v = MAPPER.readTree(r.content()).get("values");
        assertEquals("p99_latency_ms", MAPPER.readTree(r.content()).get("metric").asText());
        assertEquals(720, v.at("/summary/count").asInt());
        assertEquals(987.6, v.at("/summary/max").asDouble());
        assertEquals(1, v.get("outliers").size());
        assertEquals(513, v.at("/outliers/0/index").asInt());
        assertEquals(987.6, v.at("/outliers/0/value").asDouble());
        assertEquals(3, v.get("first").size());
        assertEquals(2, v.get("last").size());
        assertFalse(v.has("change_points"), "a single spike is not a level shift");
        assertEquals("[720 items compressed to 6. Retrieve more: hash=" + HASH + "]", v.get("_headroom").asText());
    }

    @Test
    void levelShiftIsReportedAsChangePoint() throws Exception {
        ArrayNode values = MAPPER.createArrayNode();
        for (int i = 0; i < 400; i++) values.add((i < 250 ? 20 : 80) + (i % 5));
        JsonNode out = MAPPER.readTree(crusher.crush(MAPPER.writeValueAsString(values), null, HASH).content());
        JsonNode cps = out.get("change_points");
        assertEquals(1, cps.size(), out.toString());
        assertTrue(Math.abs(cps.get(0).get("index").asInt() - 250) <= 2, cps.toString());
        assertTrue(cps.get(0).get("mean_after").asDouble() > cps.get(0).get("mean_before").asDouble());
    }

    // ---- mixed arrays ------------------------------------------------------------------------------------

    @Test
    void mixedArrayKeepsImportantItemsOfEachType() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 120; i++) {
            if (i % 3 == 0) arr.add("line " + i);
            else if (i % 3 == 1) arr.add(row(i, "item " + i, 10 + i % 4));
            else arr.add(i % 7);
        }
        arr.set(61, MAPPER.getNodeFactory().textNode("fatal: disk full"));
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(arr), null, HASH);
        assertTrue(r.changed());
        assertTrue(r.content().contains("fatal: disk full"));
        assertTrue(MAPPER.readTree(r.content()).get(0).has("_headroom"));
    }

    // ---- pass-through ------------------------------------------------------------------------------------

    @Test
    void passesThroughWhatIsNotWorthCrushing() throws Exception {
        List<String> inputs = List.of(
                "{\"results\": [{\"id\": 1,", // malformed
                "[{\"a\":1},{\"a\":2}] trailing", // trailing garbage
                "{\"a\": 1, \"a\": 2, \"items\": " + objects(50, i -> row(i, "x", i)) + "}", // duplicate keys
                "[{\"id\": 30, \"id\": 31}, " + objects(50, i -> row(i, "x", i)).substring(1), // ... in an item
                "not json at all, just words about errors",
                "42", "\"a string\"", "", "   ",
                objects(4, i -> row(i, "small", i)), // fewer than min-items-to-analyze
                MAPPER.writeValueAsString(java.util.Collections.nCopies(400, true)), // bool-only
                "{\"city\": \"Oslo\", \"temp_c\": 3, \"conditions\": {\"sky\": \"light snow\"}}", // no arrays
                "[1, 2, 3, 4, 5, 6]", // a summary would be longer
                objects(8, i -> row(i, "x", i))); // arrays of up to 8 items are kept whole
        for (String in : inputs) {
            CrushResult r = crusher.crush(in, "errors?", HASH);
            assertFalse(r.changed(), in);
            assertEquals(in, r.content());
            assertEquals(0, r.originalItemCount());
        }
        assertEquals("", crusher.crush(null, null, HASH).content());
    }

    @Test
    void resultIsAlwaysStrictlySmaller() throws Exception {
        for (int n : new int[] {5, 6, 8, 16, 17, 30}) {
            String json = objects(n, i -> MAPPER.createObjectNode().put("i", i));
            CrushResult r = crusher.crush(json, null, HASH);
            if (r.changed()) assertTrue(r.content().length() < json.length(), "n=" + n);
            else assertEquals(json, r.content());
        }
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String json = objects(1000, i -> row(i, i == 700 ? "timeout talking to db" : "ok " + i, 20 + i % 13));
        String expected = crusher.crush(json, "database timeout", HASH).content();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 32; t++) futures.add(pool.submit(() -> crusher.crush(json, "database timeout", HASH).content()));
            for (Future<String> f : futures) assertEquals(expected, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(expected.contains("timeout talking to db"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static ObjectNode row(int id, String message, int latency) {
        return MAPPER.createObjectNode().put("id", id).put("message", message).put("latency_ms", latency);
    }

    private static String objects(int n, IntFunction<ObjectNode> item) throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) arr.add(item.apply(i));
        return MAPPER.writeValueAsString(arr);
    }

    private static String objectsBody(int n, IntFunction<String> item) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ",").append(item.apply(i));
        return sb.toString();
    }

    /** The "id" of each kept item (the header object has none). */
    private static List<Integer> ids(ArrayNode out) {
        List<Integer> ids = new ArrayList<>();
        for (JsonNode n : out) if (n.has("id")) ids.add(n.get("id").asInt());
        return ids;
    }

    /** A tool output whose JSON holds more tokens than the request cap is left as it is, not built into a tree. */
    @Test
    void toolOutputsOverTheTokenCapAreLeftUnchanged() {
        // [1,1,...]: one token per item plus the two brackets
        int items = (int) io.headroom.host.JsonCodec.MAX_TOKEN_COUNT;
        String json = "[" + "1,".repeat(items - 1) + "1]";
        assertFalse(crusher.crush(json, null, HASH).changed());
        String fits = "[" + "1,".repeat(items - 3) + "1]";
        assertTrue(crusher.crush(fits, null, HASH).changed());
    }
}
