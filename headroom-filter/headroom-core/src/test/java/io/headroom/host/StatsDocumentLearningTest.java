package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.StatsSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every host's stats document carries the learning counters of the snapshot. */
class StatsDocumentLearningTest {

    @Test
    void theLearningBlockHoldsTheSnapshotsCounters() {
        StatsSnapshot s = new StatsSnapshot(1, 1, 0, 100, 10, 1, 1, 0, 0, 0, 0, 0, 0, 0, 4, 9);
        ObjectNode doc = StatsDocument.of(s, Map.of());
        assertEquals(4, doc.at("/learning/learned_patterns").asLong());
        assertEquals(9, doc.at("/learning/hint_applications").asLong());
        StatsSnapshot older = new StatsSnapshot(1, 1, 0, 100, 10, 1, 1, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(0, StatsDocument.of(older, Map.of()).at("/learning/learned_patterns").asLong());
    }
}
