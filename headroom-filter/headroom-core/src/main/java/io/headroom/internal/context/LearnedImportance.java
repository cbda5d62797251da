package io.headroom.internal.context;

/**
 * The learned signal of IntelligentContext's scoring (the original's {@code toin_importance}): how much a unit
 * holds of what the model has been retrieving. While nothing is learned confidently ({@link #active()} false) the
 * scoring is exactly the data-free one, with this weight folded out.
 */
public interface LearnedImportance {
    LearnedImportance NONE = new LearnedImportance() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public double importance(String unitText) {
            return 0;
        }
    };

    /** Whether any learned pattern is confident enough to apply. */
    boolean active();

    /** 0..1: how much of the learned, usually retrieved patterns {@code unitText} holds. */
    double importance(String unitText);
}
