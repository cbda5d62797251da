package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.ToolProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mixed and nested arrays, change points in object arrays, the ContentCompressor entry point and tool profiles. */
class SmartCrusherKindsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH = "feedc0de";

    private final SmartCrusher crusher = new SmartCrusher(CrusherConfig.defaults());

    @Test
    void mixedArrayCompressesEachTypeGroupOnItsOwnAndKeepsSmallGroupsWhole() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 150; i++) {
            switch (i % 3) {
                case 0 -> arr.add("worker " + i + " heartbeat ok");
                case 1 -> arr.addObject().put("id", i).put("state", "idle").put("load", 10 + i % 4);
                default -> arr.add(40 + i % 5);
            }
        }
        arr.set(61, MAPPER.getNodeFactory().textNode("fatal: disk full on worker 61"));
        arr.set(62, MAPPER.getNodeFactory().numberNode(99_999));
        arr.add(true);
        arr.add(MAPPER.createArrayNode().add(1).add(2));
        arr.addObject().put("summary", "tail marker");
        // groups: 51 strings (one replaced an object), 50 objects (one with other keys), 50 numbers, 2 "other"
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(arr), null, HASH);

        assertTrue(r.changed());
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        JsonNode byType = out.get(0).get("_kept_by_type");
        assertEquals(50, byType.get("object").get(0).asInt());
        assertEquals(51, byType.get("string").get(0).asInt());
        assertEquals(50, byType.get("number").get(0).asInt());
        assertEquals(List.of(2, 2), List.of(byType.get("other").get(0).asInt(), byType.get("other").get(1).asInt()),
                "booleans and nested arrays are kept whole");
        for (String type : List.of("object", "string", "number")) {
            assertTrue(byType.get(type).get(1).asInt() < byType.get(type).get(0).asInt(), type + " group was sampled");
        }
        assertTrue(r.content().contains("fatal: disk full on worker 61"), "error string kept");
        assertTrue(r.content().contains("99999"), "numeric outlier kept");
        assertTrue(r.content().contains("tail marker"), "last object kept");
        assertEquals(out.size() - 1, r.keptItemCount());
        assertEquals("[153 items compressed to " + r.keptItemCount() + ". Retrieve more: hash=" + HASH + "]",
                out.get(0).get("_headroom").asText());
        // kept items appear in their original relative order
        List<String> original = new ArrayList<>();
        arr.forEach(n -> original.add(n.toString()));
        int last = -1;
        for (int i = 1; i < out.size(); i++) {
            int at = original.subList(last + 1, original.size()).indexOf(out.get(i).toString());
            assertTrue(at >= 0, "order preserved at " + out.get(i));
            at += last + 1;
            last = at;
        }
    }

    @Test
    void mixedArrayWithOnlySmallGroupsIsKeptWhole() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 4; i++) arr.add("line " + i).add(i).add(MAPPER.createObjectNode().put("i", i));
        assertFalse(crusher.crush(MAPPER.writeValueAsString(arr), null, HASH).changed());
    }

    @Test
    void arraysInsideKeptItemsAreCrushedRecursivelyDownToDepthFive() throws Exception {
        ArrayNode runs = MAPPER.createArrayNode();
        for (int r = 0; r < 30; r++) {
            ObjectNode run = runs.addObject().put("run", r).put("status", "ok");
            ArrayNode events = run.putArray("events");
            for (int e = 0; e < 60; e++) events.addObject().put("seq", e).put("msg", "run " + r + " step " + e + " done");
        }
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(runs), null, HASH);
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        assertTrue(out.size() - 1 < 30);
        JsonNode firstRunEvents = out.get(1).get("events");
        assertTrue(firstRunEvents.get(0).get("_headroom").asText().startsWith("[60 items compressed to "),
                "the kept run's own event list was crushed too");
        assertTrue(r.originalItemCount() > 30, "items of inner arrays are counted");

        // beyond depth 5 arrays are left alone
        JsonNode deep = MAPPER.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":" + MAPPER.writeValueAsString(
                MAPPER.readTree(MAPPER.writeValueAsString(runs)).get(0).get("events")) + "}}}}}}");
        assertFalse(crusher.crush(MAPPER.writeValueAsString(deep), null, HASH).changed());
    }

    @Test
    void changePointInAnObjectFieldIsKeptOnTopOfK() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 400; i++) {
            arr.addObject().put("id", i).put("host", "web-1").put("p99_ms", (i < 260 ? 40 : 180) + i % 7);
        }
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(arr), null, HASH);
        List<Integer> ids = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree(r.content())) if (n.has("id")) ids.add(n.get("id").asInt());
        assertTrue(ids.stream().anyMatch(id -> Math.abs(id - 260) <= 2), "level shift at 260 kept: " + ids);
    }

    @Test
    void compressWritesNoMarkerWithoutCcrHashAndUsesTheQuery() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 200; i++) {
            arr.addObject().put("id", i).put("title", "Result " + i).put("body", i == 120 ? "kubernetes ingress timeout" : "generic page");
        }
        String json = MAPPER.writeValueAsString(arr);
        Compressed c = crusher.compress(json, CompressionContext.of("why does the kubernetes ingress time out?"));
        assertTrue(c.changed());
        assertFalse(c.content().contains("_headroom"), c.content());
        assertFalse(c.content().contains("Retrieve more"));
        assertTrue(c.content().contains("kubernetes ingress"));
        assertEquals(200, c.originalUnits());
        assertEquals(MAPPER.readTree(c.content()).size(), c.keptUnits(), "no header element when it would be empty");

        Compressed marked = crusher.compress(json, new CompressionContext(null, HASH, "search", 3, false));
        assertTrue(marked.content().contains("Retrieve more: hash=" + HASH + "]"));

        ArrayNode numbers = MAPPER.createArrayNode();
        for (int i = 0; i < 300; i++) numbers.add(i % 17);
        Compressed summary = crusher.compress(MAPPER.writeValueAsString(numbers), CompressionContext.of(null));
        assertFalse(MAPPER.readTree(summary.content()).has("_headroom"));
        assertEquals(300, MAPPER.readTree(summary.content()).at("/summary/count").asInt());
    }

    @Test
    void toolProfilesSkipOrResizeCompression() throws Exception {
        CrusherConfig config = CrusherConfig.builder()
                .toolProfile("important_tool", ToolProfile.skip())
                .toolProfile("search_tool", ToolProfile.withMaxItems(6))
                .maxItemsAfterCrush(40)
                .build();
        SmartCrusher profiled = new SmartCrusher(config);
        java.util.Random rnd = new java.util.Random(5);
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 300; i++) {
            StringBuilder words = new StringBuilder();
            for (int w = 0; w < 12; w++) words.append(Long.toString(rnd.nextLong() & 0xffffffL, 36).replaceAll("\\d", "q")).append(' ');
            arr.addObject().put("title", words.toString());
        }
        String json = MAPPER.writeValueAsString(arr);

        Compressed skipped = profiled.compress(json, new CompressionContext(null, HASH, "important_tool", 5, false));
        assertFalse(skipped.changed());
        assertEquals(json, skipped.content());

        Compressed small = profiled.compress(json, new CompressionContext(null, HASH, "search_tool", 5, false));
        Compressed other = profiled.compress(json, new CompressionContext(null, HASH, "other_tool", 5, false));
        assertEquals(6, small.keptUnits(), "the profile's max-items-after-crush bounds K");
        assertTrue(other.keptUnits() > 6 && other.keptUnits() <= 40, "diverse rows get a larger K: " + other.keptUnits());
    }

    @Test
    void toolProfilesAndCompactRowsAreReadFromProperties() {
        HeadroomConfig fromMap = HeadroomConfig.fromMap(Map.of(
                "tool-profiles.important_tool.skip-compression", "true",
                "tool-profiles.search_tool.max-items-after-crush", "25",
                "compact-rows", "true"));
        assertTrue(fromMap.crusher().toolProfile("important_tool").orElseThrow().skipCompression());
        assertEquals(25, fromMap.crusher().toolProfile("search_tool").orElseThrow().maxItemsAfterCrush().getAsInt());
        assertFalse(fromMap.crusher().toolProfile("search_tool").orElseThrow().skipCompression());
        assertTrue(fromMap.crusher().toolProfile("unknown").isEmpty());
        assertTrue(fromMap.crusher().compactRows());
        assertFalse(HeadroomConfig.defaults().crusher().compactRows());

        Map<String, String> props = Map.of("tool-profiles", "a, b", "tool-profiles.a.skip-compression", "true",
                "tool-profiles.b.max-items-after-crush", "9");
        HeadroomConfig fromLookup = HeadroomConfig.fromProperties(props::get);
        assertTrue(fromLookup.crusher().toolProfile("a").orElseThrow().skipCompression());
        assertEquals(9, fromLookup.crusher().toolProfile("b").orElseThrow().maxItemsAfterCrush().getAsInt());
        assertEquals(fromLookup.crusher().toolProfiles(), fromLookup.toBuilder().build().crusher().toolProfiles());

        assertEquals(io.headroom.ErrorType.CONFIGURATION_ERROR, org.junit.jupiter.api.Assertions.assertThrows(
                io.headroom.HeadroomException.class,
                () -> HeadroomConfig.fromMap(Map.of("tool-profiles.x.max-items-after-crush", "0"))).type());
    }
}
