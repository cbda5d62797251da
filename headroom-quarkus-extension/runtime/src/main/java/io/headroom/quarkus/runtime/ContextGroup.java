package io.headroom.quarkus.runtime;

import io.headroom.ContextStrategy;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Context-window management options ({@code io.headroom.ContextConfig}). Unset keys take the core's defaults. */
public interface ContextGroup {

    /**
     * How a request over its token budget is cut down: {@code intelligent} drops the least valuable
     * messages first, {@code rolling} the oldest, {@code off} never drops anything.
     */
    @ConfigDocDefault("intelligent")
    Optional<ContextStrategy> strategy();

    /** Number of most recent user turns that are never dropped (the last one always stays). */
    @ConfigDocDefault("2")
    OptionalInt keepLastTurns();

    /** Tokens reserved for the model's answer: the budget is the model's context limit minus this. */
    @ConfigDocDefault("4000")
    OptionalInt outputBufferTokens();

    /**
     * Overflow, as a fraction of the budget, below which deeper tool-output compression is tried
     * before any message is dropped.
     */
    @ConfigDocDefault("0.1")
    OptionalDouble compressThreshold();

    /** Rate (lambda) of the exponential recency decay used to score messages. */
    @ConfigDocDefault("0.1")
    OptionalDouble recencyDecayRate();
}
