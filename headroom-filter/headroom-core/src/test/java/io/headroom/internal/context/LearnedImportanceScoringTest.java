package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.internal.tokens.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IntelligentContext's {@code toin_importance}: folded out until something is learned, weight 0.25 after. */
class LearnedImportanceScoringTest {
    private static final TokenCounter.Tokenizer TOKENIZER = new TokenCounter().forModel("gpt-4o");

    /** What a confident TOIN answers when it learned that items with team=billing are retrieved. */
    private static final class LearnedBilling implements LearnedImportance {
        private final boolean active;

        LearnedBilling(boolean active) {
            this.active = active;
        }

        @Override
        public boolean active() {
            return active;
        }

        @Override
        public double importance(String unitText) {
            return unitText.contains("\"team\":\"billing\"") ? 1 : 0;
        }
    }

    private static Conversation conversation() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", "You are helpful.");
        for (int t = 0; t < 4; t++) {
            m.addObject().put("role", "user").put("content", "question " + t + " about the tickets");
            m.addObject().put("role", "assistant").put("content", t == 1
                    ? "[{\"id\":7,\"team\":\"billing\"}] noted" : "[{\"id\":7,\"team\":\"search\"}] noted");
        }
        m.addObject().put("role", "user").put("content", "and now?");
        return Conversation.read(root, MessageShape.of(Endpoint.OPENAI_CHAT), TOKENIZER, 1);
    }

    @Test
    void inactiveLearningScoresExactlyAsTheDataFreeScorer() {
        Conversation c = conversation();
        List<Conversation.Unit> units = c.droppable();
        double[] plain = new UnitScorer(ScoringWeights.DEFAULTS, 0.1).score(c, units);
        double[] cold = new UnitScorer(ScoringWeights.DEFAULTS, 0.1, new LearnedBilling(false)).score(c, units);
        assertArrayEquals(plain, cold);
    }

    @Test
    void aUnitHoldingALearnedPatternOutscoresItsTwin() {
        Conversation c = conversation();
        List<Conversation.Unit> units = c.droppable();
        double[] plain = new UnitScorer(ScoringWeights.DEFAULTS, 0.1).score(c, units);
        double[] learned = new UnitScorer(ScoringWeights.DEFAULTS, 0.1, new LearnedBilling(true)).score(c, units);
        int billing = -1;
        for (int k = 0; k < units.size(); k++) {
            for (int i = units.get(k).first(); i <= units.get(k).last(); i++) {
                if (c.message(i).toString().contains("billing")) billing = k;
            }
        }
        assertTrue(billing >= 0, "the billing answer is droppable");
        for (int k = 0; k < units.size(); k++) {
            double expected = 0.75 * plain[k] + (k == billing ? 0.25 : 0);
            assertTrue(Math.abs(learned[k] - expected) < 1e-12, "unit " + k);
        }
    }
}
