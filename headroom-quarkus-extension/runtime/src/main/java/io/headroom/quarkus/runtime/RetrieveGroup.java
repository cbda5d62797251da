package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The retrieve loop ({@code io.headroom.RetrieveConfig}). Unset keys take the core's defaults, except
 * {@code answered-by-application}, an option of the extension itself.
 */
public interface RetrieveGroup {

    /**
     * Whether the application answers the model's headroom_retrieve calls itself (e.g. it forwards upstream with
     * {@code io.headroom.vertx.RetrieveRelay}, as the sample gateway does). The extension does not answer them, so
     * by default it does not offer the tool: the headroom_retrieve tool a request would get is taken back out of the
     * body the application receives, since a call nobody answers would reach the client. Set it to true only when
     * the application answers the calls; compressed originals stay retrievable with {@code Headroom#retrieve} either
     * way.
     */
    @WithDefault("false")
    boolean answeredByApplication();

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
