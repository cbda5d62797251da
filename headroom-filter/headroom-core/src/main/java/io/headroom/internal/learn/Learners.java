package io.headroom.internal.learn;

import io.headroom.HeadroomConfig;
import io.headroom.LearningConfig;
import java.time.Clock;

/** Builds the learning part of an engine from its config: where the state is kept and how large it may be. */
public final class Learners {
    /** Generous for a bounded state: a signature's JSON stays a few KB (every map it holds is capped). */
    static final long MAX_BYTES_PER_SIGNATURE = 16 * 1024;
    static final long MIN_MAX_BYTES = 1024 * 1024;

    private Learners() {
    }

    /** Whether the state outlives the process (a file is configured, or the CCR disk tier gives one). */
    public static boolean persistent(HeadroomConfig config) {
        return config.learning().stateFile(config.ccr()).isPresent();
    }

    public static Toin toin(HeadroomConfig config) {
        LearningConfig learning = config.learning();
        LearningStore store = learning.stateFile(config.ccr())
                .<LearningStore>map(f -> new FileLearningStore(f, maxBytes(learning)))
                .orElse(LearningStore.NONE);
        return new Toin(learning, Clock.systemUTC(), store);
    }

    static long maxBytes(LearningConfig learning) {
        return Math.max(MIN_MAX_BYTES, learning.maxSignatures() * MAX_BYTES_PER_SIGNATURE);
    }
}
