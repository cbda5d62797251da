package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors as a common category: every distinct error kept, repeats sampled, the count stated; rare errors whole. */
class CommonErrorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH = "feedc0de";
    private static final List<String> MESSAGES = List.of(
            "Connection refused by upstream payments-%d",
            "Disk quota exceeded on volume vol-%d",
            "Card declined: insufficient funds for order %d");

    private final SmartCrusher crusher = new SmartCrusher(CrusherConfig.defaults());

    /** 300 rows, every fifth failed with one of three messages (numbers differ), plus a one-off error. */
    private static String rows(int n, int errorEvery, String oneOff, int oneOffAt) throws Exception {
        ArrayNode rows = MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            var row = rows.addObject().put("id", 5000 + i).put("latency_ms", 40 + (i * 7) % 13);
            if (i == oneOffAt) {
                row.put("status", "failed").put("message", oneOff);
            } else if (errorEvery > 0 && i % errorEvery == 3) {
                row.put("status", "failed").put("message", String.format(MESSAGES.get((i / errorEvery) % 3), i));
            } else {
                row.put("status", "ok").put("message", "served request " + i);
            }
        }
        return MAPPER.writeValueAsString(rows);
    }

    private static int failedRows(ArrayNode out) {
        int failed = 0;
        for (JsonNode item : out) if ("failed".equals(item.path("status").asText())) failed++;
        return failed;
    }

    @Test
    void commonErrorsKeepEveryDistinctErrorSampleTheRepeatsAndStateTheCount() throws Exception {
        String json = rows(300, 5, "Connection pool exhausted on shard 9: 78 waiters, timeout after 8687ms", 151);
        CrushResult r = crusher.crush(json, null, HASH);

        assertTrue(r.changed());
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        for (String message : MESSAGES) {
            String stem = message.substring(0, message.indexOf('%'));
            assertTrue(r.content().contains(stem), "distinct error kept: " + stem);
        }
        assertTrue(r.content().contains("Connection pool exhausted on shard 9: 78 waiters, timeout after 8687ms"),
                "a distinct error among common ones is kept whole");
        int failed = failedRows(out);
        assertTrue(failed < 61 / 2, "repeats of the same error are sampled, not all kept: " + failed);
        JsonNode errors = out.get(0).get(SmartCrusher.ERRORS);
        assertEquals(61, errors.get("total").asInt(), "60 repeated errors and the one-off");
        assertEquals(failed, errors.get("kept").asInt());
        assertEquals(out.size() - 1, r.keptItemCount());
    }

    @Test
    void eachRepeatedErrorKeepsItsFirstAndLastOccurrence() throws Exception {
        String json = rows(300, 5, "served request 151", -1);
        ArrayNode out = (ArrayNode) MAPPER.readTree(crusher.crush(json, null, HASH).content());
        List<Integer> ids = new java.util.ArrayList<>();
        for (JsonNode item : out) if (item.has("id")) ids.add(item.get("id").asInt());
        // failed rows are i = 3, 8, 13, ...; message k = (i / 5) % 3: first occurrences 3, 8, 13, last 288, 293, 298
        for (int i : List.of(3, 8, 13, 288, 293, 298)) assertTrue(ids.contains(5000 + i), "row " + i + " kept: " + ids);
    }

    @Test
    void queryMatchingErrorsAreKeptOnTopOfTheDistinctOnes() throws Exception {
        String json = rows(300, 5, "served request 151", -1);
        CrushResult r = crusher.crush(json, "why did volume vol-218 run out of quota?", HASH);
        assertTrue(r.content().contains("vol-218"), "the queried error occurrence is kept");
    }

    @Test
    void rareErrorsAreAllKeptWholeAndNoCountIsAdded() throws Exception {
        // 10 identical errors among 400 rows: not more than max-items-after-crush (15), so all are exceptions.
        ArrayNode rows = MAPPER.createArrayNode();
        for (int i = 0; i < 400; i++) {
            boolean failed = i % 40 == 17;
            rows.addObject().put("id", i).put("status", failed ? "failed" : "ok")
                    .put("message", failed ? "Connection pool exhausted on shard 4: 72 waiters" : "served request " + i);
        }
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(rows), null, HASH);
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        assertEquals(10, failedRows(out), "every rare error kept");
        assertFalse(out.get(0).has(SmartCrusher.ERRORS), "no error count when nothing was sampled");
    }

    @Test
    void commonErrorStringsAreDedupedByShape() throws Exception {
        ArrayNode lines = MAPPER.createArrayNode();
        for (int i = 0; i < 200; i++) {
            lines.add(i % 4 == 1 ? "job " + i + " failed: exit code " + (i % 7)
                    : i == 102 ? "job 102 FATAL: kernel panic on node-3" : "job " + i + " finished in " + (i % 90) + "ms");
        }
        CrushResult r = crusher.crush(MAPPER.writeValueAsString(lines), null, HASH);
        ArrayNode out = (ArrayNode) MAPPER.readTree(r.content());
        assertTrue(r.content().contains("job 102 FATAL: kernel panic on node-3"));
        int failed = 0;
        for (JsonNode item : out) if (item.isTextual() && item.textValue().contains("failed: exit code")) failed++;
        assertTrue(failed >= 1 && failed < 20, "one pattern, sampled: " + failed);
        assertEquals(51, out.get(0).get(SmartCrusher.ERRORS).get("total").asInt());
    }
}
