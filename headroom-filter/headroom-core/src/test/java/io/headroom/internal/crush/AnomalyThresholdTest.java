package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Outlier threshold raised to Chauvenet's criterion for long series; identifier fields never tested. */
class AnomalyThresholdTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void thresholdGrowsWithTheSeriesLengthButNeverBelowTheConfiguredOne() {
        assertEquals(2.0, AnomalyDetector.effectiveThreshold(2.0, 10), 1e-9);
        assertEquals(2.24, AnomalyDetector.effectiveThreshold(2.0, 20), 0.02);
        assertEquals(3.02, AnomalyDetector.effectiveThreshold(2.0, 200), 0.02);
        assertEquals(3.48, AnomalyDetector.effectiveThreshold(2.0, 1000), 0.02);
        assertEquals(4.0, AnomalyDetector.effectiveThreshold(4.0, 1000), 1e-9);
    }

    @Test
    void ordinaryTailsOfALongNormalColumnAreNotAnomaliesButAFourSigmaValueIs() {
        Random rnd = new Random(7);
        ArrayNode rows = MAPPER.createArrayNode();
        int beyondTwoSigma = 0;
        for (int i = 0; i < 400; i++) {
            double z = rnd.nextGaussian();
            if (Math.abs(z) > 2) beyondTwoSigma++;
            rows.addObject().put("value", 100 + 15 * z);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(123)).put("value", 100 + 15 * 5.0);
        BitSet found = find(rows);
        assertTrue(found.get(123), "the 5 sigma value is flagged");
        assertTrue(beyondTwoSigma >= 5, "the sample has its ordinary 2-sigma tails: " + beyondTwoSigma);
        assertTrue(found.cardinality() <= 2, "the tails of 400 normal values are not anomalies: " + found);
    }

    @Test
    void identifierFieldsAreNotTestedForOutliers() {
        ArrayNode rows = MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            rows.addObject().put("id", i).put("parent_id", i == 50 ? 9_000_000 : i).put("orderId", i)
                    .putObject("owner").put("id", i == 70 ? 8_000_000 : i);
        }
        assertTrue(find(rows).isEmpty());
        assertTrue(AnomalyDetector.isIdentifier("relationships.parent.id"));
        assertTrue(AnomalyDetector.isIdentifier("orderId"));
        assertFalse(AnomalyDetector.isIdentifier("paid"));
        assertFalse(AnomalyDetector.isIdentifier("latency_ms"));
    }

    private static BitSet find(ArrayNode rows) {
        List<JsonNode> items = new ArrayList<>();
        List<ItemFacts> facts = new ArrayList<>();
        for (JsonNode row : rows) {
            items.add(row);
            facts.add(ItemFacts.of(row));
        }
        return new AnomalyDetector(2.0).find(items, facts);
    }
}
