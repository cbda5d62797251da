package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;
import java.util.OptionalInt;

/** The retrieve loop ({@code io.headroom.RetrieveConfig}). Unset keys take the core's defaults. */
public interface RetrieveGroup {

    /**
     * Follow-up calls per client request at most when answering the model's headroom_retrieve calls; a model
     * still calling it after that many rounds gets its last answer passed on unchanged. 0 turns the loop off.
     */
    @ConfigDocDefault("3")
    OptionalInt maxRounds();

    /** Longest time, in milliseconds, one follow-up call of the retrieve loop may take. */
    @ConfigDocDefault("120000")
    Optional<Long> roundTimeoutMs();
}
