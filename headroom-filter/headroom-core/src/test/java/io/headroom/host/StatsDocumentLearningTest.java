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
        StatsSnapshot s = StatsSnapshot.builder().requestsTotal(1).requestsCompressed(1).tokensBefore(100)
                .tokensAfter(10).ccrEntries(1).ccrStored(1).learnedPatterns(4).hintApplications(9).build();
        ObjectNode doc = StatsDocument.of(s, Map.of());
        assertEquals(4, doc.at("/learning/learned_patterns").asLong());
        assertEquals(9, doc.at("/learning/hint_applications").asLong());
        StatsSnapshot older = s.toBuilder().learnedPatterns(0).hintApplications(0).build();
        assertEquals(0, StatsDocument.of(older, Map.of()).at("/learning/learned_patterns").asLong());
    }
}
