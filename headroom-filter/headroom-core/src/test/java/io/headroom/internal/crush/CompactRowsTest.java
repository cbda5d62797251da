package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * compact-rows: lossless for the kept rows, off by default, and its token savings against plain JSON on the
 * corpus JSON cases (the table printed here is the one in src-docs/compact-rows.md).
 */
class CompactRowsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final String HASH = "a1b2c3d4e5f6";
    private static final List<String> CASES = List.of("json_logs_100", "json_logs_1000", "db_rows_1000",
            "search_results_500", "responses_api_800", "anthropic_messages_600");

    private final SmartCrusher plain = new SmartCrusher(CrusherConfig.defaults());
    private final SmartCrusher compact = new SmartCrusher(CrusherConfig.builder().compactRows(true).build());

    @Test
    void compactRowsAreLosslessForTheKeptRows() throws Exception {
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 300; i++) {
            arr.addObject().put("id", i).put("name", i == 7 ? "quote \" pipe | back\\slash \u00e9" : "user_" + i)
                    .put("active", i % 2 == 0).putNull("deleted_at").put("score", i == 200 ? 1e9 : i * 0.5)
                    .put("region", "eu");
        }
        String json = MAPPER.writeValueAsString(arr);
        CrushResult off = plain.crush(json, null, HASH);
        CrushResult on = compact.crush(json, null, HASH);
        JsonNode rendered = MAPPER.readTree(on.content());
        assertTrue(rendered.isObject(), on.content());
        assertEquals("eu", rendered.at("/_constant_fields/region").asText());
        assertEquals(off.keptItemCount(), on.keptItemCount());
        assertEquals(keptItems(MAPPER.readTree(off.content())), rowsAsObjects(rendered), "same kept rows, same values");
        assertTrue(on.content().contains("quote \\\" pipe | back\\\\slash"), "escaping is exact");

        // a row with other fields keeps its place as an object
        arr.insert(150, MAPPER.createObjectNode().put("id", -1).put("error_code", "E42").put("region", "eu"));
        String mixed = MAPPER.writeValueAsString(arr);
        JsonNode withOdd = MAPPER.readTree(compact.crush(mixed, null, HASH).content());
        assertEquals(keptItems(MAPPER.readTree(plain.crush(mixed, null, HASH).content())), rowsAsObjects(withOdd));
        assertTrue(withOdd.toString().contains("{\"id\":-1,\"error_code\":\"E42\"}"), withOdd.toString());
    }

    @Test
    void compactRowsAreOffByDefaultAndSkipRowsWithoutASharedScalarFieldList() throws Exception {
        assertFalse(HeadroomConfig.defaults().crusher().compactRows());
        ArrayNode arr = MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            ObjectNode o = arr.addObject().put("id", i).put("msg", "m");
            o.putObject("nested").put("x", i); // not scalar: no compact rendering
        }
        String json = MAPPER.writeValueAsString(arr);
        assertEquals(plain.crush(json, null, HASH).content(), compact.crush(json, null, HASH).content());
        assertTrue(MAPPER.readTree(plain.crush(json, null, HASH).content()).isArray());
    }

    /** Measures plain JSON vs compact rows (JSON arrays) vs the pipe-joined alternative on the corpus. */
    @Test
    void measureCompactRowsOnTheCorpus() throws Exception {
        System.out.println("| case | items kept | plain JSON tokens | compact rows (arrays) | saved | pipe-joined rows | saved |");
        System.out.println("|---|---|---|---|---|---|---|");
        int totalPlain = 0;
        int totalArrays = 0;
        for (String name : CASES) {
            CorpusCase c = CorpusCase.load(name);
            CrushResult p = plain.crush(c.toolOutput, c.lastUserText, HASH);
            CrushResult k = compact.crush(c.toolOutput, c.lastUserText, HASH);
            for (String needle : c.mustKeep()) assertTrue(k.content().contains(needle), name + " lost " + needle);
            JsonNode rendered = MAPPER.readTree(k.content());
            JsonNode rows = findCompact(rendered);
            int plainTokens = O200K.countTokens(p.content());
            int arrayTokens = O200K.countTokens(k.content());
            int pipeTokens = rows == null ? arrayTokens : O200K.countTokens(MAPPER.writeValueAsString(withPipeRows(rendered)));
            if (rows != null) {
                assertEquals(keptItems(MAPPER.readTree(p.content())), rowsAsObjects(rows), name + ": compact rows must be lossless");
            } else {
                assertEquals(p.content(), k.content(), name + ": non-uniform rows stay plain");
            }
            totalPlain += plainTokens;
            totalArrays += arrayTokens;
            System.out.printf("| %s | %d%s | %d | %d | %.1f%% | %d | %.1f%% |%n", name, k.keptItemCount(),
                    rows == null ? " (no shared fields)" : "", plainTokens, arrayTokens,
                    100.0 * (plainTokens - arrayTokens) / plainTokens, pipeTokens, 100.0 * (plainTokens - pipeTokens) / plainTokens);
        }
        System.out.printf("| total | | %d | %d | %.1f%% | | |%n", totalPlain, totalArrays, 100.0 * (totalPlain - totalArrays) / totalPlain);
        assertTrue(totalArrays < totalPlain, "compact rows must save tokens overall");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The first object with columns + rows anywhere in the tree, or null. */
    private static JsonNode findCompact(JsonNode node) {
        if (node.isObject() && node.has(CompactRows.COLUMNS) && node.has(CompactRows.ROWS)) return node;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                JsonNode hit = findCompact(child);
                if (hit != null) return hit;
            }
        }
        return null;
    }

    /** The kept items of the first crushed array (the elements after its marker header). */
    private static List<JsonNode> keptItems(JsonNode node) {
        if (node.isArray() && node.size() > 0 && node.get(0).has(CrushMarker.KEY)) {
            List<JsonNode> out = new ArrayList<>();
            for (int i = 1; i < node.size(); i++) out.add(node.get(i));
            return out;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                List<JsonNode> hit = keptItems(child);
                if (hit != null) return hit;
            }
        }
        return null;
    }

    private static List<JsonNode> rowsAsObjects(JsonNode compact) {
        assertNotNull(compact);
        List<String> columns = new ArrayList<>();
        compact.get(CompactRows.COLUMNS).forEach(c -> columns.add(c.asText()));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode row : compact.get(CompactRows.ROWS)) {
            if (row.isObject()) { // a kept item with other fields stays as it was
                out.add(row);
                continue;
            }
            assertEquals(columns.size(), row.size());
            ObjectNode o = MAPPER.createObjectNode();
            for (int i = 0; i < columns.size(); i++) o.set(columns.get(i), row.get(i));
            out.add(o);
        }
        return out;
    }

    /** The alternative rendering: each row one string of JSON-encoded values joined by '|'. */
    private static JsonNode withPipeRows(JsonNode tree) throws Exception {
        JsonNode copy = tree.deepCopy();
        ObjectNode compact = (ObjectNode) findCompact(copy);
        ArrayNode pipes = MAPPER.createArrayNode();
        for (JsonNode row : compact.get(CompactRows.ROWS)) {
            StringJoiner line = new StringJoiner("|");
            if (row.isObject()) {
                pipes.add(row);
                continue;
            }
            for (JsonNode v : row) line.add(MAPPER.writeValueAsString(v));
            pipes.add(line.toString());
        }
        compact.set(CompactRows.ROWS, pipes);
        return copy;
    }
}
