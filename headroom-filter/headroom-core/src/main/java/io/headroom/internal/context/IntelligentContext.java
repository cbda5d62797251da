package io.headroom.internal.context;

import io.headroom.internal.limits.Deadline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Importance-based dropping: every droppable unit (a message, or a tool call with all its results) is
 * scored by recency, similarity to the recent context, error indicators, forward references and
 * token density ({@link UnitScorer}), and the lowest scores are dropped first (the older of two equal
 * scores first) until the conversation fits.
 *
 * <p>Weights default to the original project's, with its learned TOIN importance (0.25) folded out
 * because no retrieval data exists here; the other five are renormalized, see {@link ScoringWeights}.
 * Before anything is dropped, {@link ContextManager} tries deeper compression of the largest
 * droppable tool outputs when the overflow is small.
 */
public final class IntelligentContext implements DropPolicy {
    public static final String NAME = "intelligent_context";

    private final UnitScorer scorer;

    public IntelligentContext(ScoringWeights weights, double recencyDecayRate) {
        this(weights, recencyDecayRate, LearnedImportance.NONE);
    }

    /** With the learned {@code toin_importance} signal (weight 0.25) once something is learned confidently. */
    public IntelligentContext(ScoringWeights weights, double recencyDecayRate, LearnedImportance learned) {
        this.scorer = new UnitScorer(weights, recencyDecayRate, learned);
    }

    @Override
    public List<Conversation.Unit> choose(Conversation conversation, int target, Deadline deadline) {
        List<Conversation.Unit> droppable = conversation.droppable();
        if (conversation.totalTokens() <= target || droppable.isEmpty()) return List.of();
        double[] scores = scorer.score(conversation, droppable, deadline);
        deadline.check();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < droppable.size(); k++) order.add(k);
        order.sort(Comparator.<Integer>comparingDouble(k -> scores[k]).thenComparingInt(k -> k));
        List<Conversation.Unit> ordered = new ArrayList<>(order.size());
        for (int k : order) ordered.add(droppable.get(k));
        return DropPolicy.dropInOrder(conversation, ordered, target);
    }

    @Override
    public String name() {
        return NAME;
    }
}
