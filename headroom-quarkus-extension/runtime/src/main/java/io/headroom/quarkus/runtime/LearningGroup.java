package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Learning from the model's retrievals, TOIN ({@code io.headroom.LearningConfig}). Unset keys take the core's defaults. */
public interface LearningGroup {

    /**
     * Learn from the model's retrievals: record every retrieval against the tool signature it came from and, above
     * the confidence threshold, keep what is usually retrieved. false: nothing is recorded or applied.
     */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();

    /** The learned statistics per tool signature. */
    Toin toin();

    /** {@code quarkus.headroom.learning.toin.*}. */
    interface Toin {
        /**
         * Confidence (0..1, growing with the observations of a tool signature) a signature needs before its learned
         * patterns change compression; below it output is byte-identical to learning off.
         */
        @ConfigDocDefault("0.3")
        OptionalDouble confidenceThreshold();

        /** Tool signatures remembered at most; the least recently used is forgotten first. */
        @ConfigDocDefault("1000")
        OptionalInt maxSignatures();

        /**
         * File the learned state is kept in across restarts; by default learned-patterns.json inside
         * {@code quarkus.headroom.ccr.disk-path} when that is set, else memory only.
         */
        Optional<Path> path();

        /** Seconds between saves of the learned state while it changes (it is also saved at shutdown). */
        @ConfigDocDefault("60")
        Optional<Long> saveIntervalSeconds();
    }
}
