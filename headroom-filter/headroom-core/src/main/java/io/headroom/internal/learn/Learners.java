package io.headroom.internal.learn;

import io.headroom.CcrStore;
import io.headroom.HeadroomConfig;
import io.headroom.LearningConfig;
import java.time.Clock;
import java.util.Optional;

/** Builds the learning part of an engine from its config: where the state is kept and how large it may be. */
public final class Learners {
    /** Generous for a bounded state: a signature's JSON stays a few KB (every map it holds is capped). */
    static final long MAX_BYTES_PER_SIGNATURE = 16 * 1024;
    static final long MIN_MAX_BYTES = 1024 * 1024;

    private Learners() {
    }

    public static Toin toin(HeadroomConfig config) {
        return toin(config, null);
    }

    /**
     * Where the state is kept, first match: an explicit {@code learning.toin.path}; the document {@code ccr} shares
     * with the fleet ({@link CcrStore#learnedState()}: Redis); a file beside the CCR disk tier; memory only.
     *
     * @param ccr the engine's CCR store, or null
     */
    public static Toin toin(HeadroomConfig config, CcrStore ccr) {
        LearningConfig learning = config.learning();
        long max = maxBytes(learning);
        LearningStore store;
        if (learning.path().isPresent()) {
            store = new FileLearningStore(learning.path().get(), max);
        } else {
            Optional<CcrStore.SharedDocument> shared = ccr == null ? Optional.empty() : ccr.learnedState();
            store = shared.<LearningStore>map(d -> new SharedLearningStore(d, max))
                    .or(() -> learning.stateFile(config.ccr()).map(f -> new FileLearningStore(f, max)))
                    .orElse(LearningStore.NONE);
        }
        return new Toin(learning, Clock.systemUTC(), store);
    }

    static long maxBytes(LearningConfig learning) {
        return Math.max(MIN_MAX_BYTES, learning.maxSignatures() * MAX_BYTES_PER_SIGNATURE);
    }
}
