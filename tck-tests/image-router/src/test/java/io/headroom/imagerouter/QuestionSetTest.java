package io.headroom.imagerouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.imagerouter.QuestionSetGenerator.Labelled;
import io.headroom.internal.image.ImageTechnique;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionSetTest {
    @Test
    void committedSetIsWhatTheGeneratorWrites() throws Exception {
        assertEquals(QuestionSetGenerator.generate(), QuestionSet.shipped(),
                "questions.tsv drifted from QuestionSetGenerator: regenerate it (src-docs/image-routing.md)");
    }

    @Test
    void atLeast400DistinctQuestionsAcrossTheFourTechniquesWithATwentyPercentHeldOutSplit() throws Exception {
        List<Labelled> all = QuestionSet.shipped();
        assertTrue(all.size() >= 400, "only " + all.size());
        Set<String> distinct = new HashSet<>();
        all.forEach(q -> distinct.add(q.question()));
        assertEquals(all.size(), distinct.size(), "duplicate questions");
        for (ImageTechnique technique : ImageTechnique.values()) {
            List<Labelled> ofTechnique = all.stream().filter(q -> q.technique() == technique).toList();
            long heldOut = ofTechnique.stream().filter(Labelled::heldOut).count();
            assertTrue(ofTechnique.size() >= 100, technique + ": " + ofTechnique.size());
            assertEquals(0.2, (double) heldOut / ofTechnique.size(), 0.01, technique + " held-out share");
        }
    }

    @Test
    void heldOutQuestionsAreNotInTraining() throws Exception {
        List<Labelled> all = QuestionSet.shipped();
        Set<String> train = new HashSet<>();
        QuestionSet.train(all).forEach(q -> train.add(q.question()));
        QuestionSet.heldOut(all).forEach(q -> assertTrue(!train.contains(q.question()), q.question()));
    }
}
