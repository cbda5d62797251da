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
     * {@code io.headroom.vertx.RetrieveRelay}, as the sample gateway does). By default the extension answers them
     * for Quarkus REST resources that run on worker threads (blocking), sending each follow-up to the application
     * itself ({@code self-uri}); every other request (Vert.x routes, resources on the event loop) gets the body
     * without the tool, since a call nobody answers would reach the client. Set it to true only when the
     * application answers the calls: then every request keeps the tool and the extension answers none.
     */
    @WithDefault("false")
    boolean answeredByApplication();

    /**
     * Follow-up calls per client request at most when answering the model's headroom_retrieve calls; a model
     * still calling it after that many rounds gets its last answer passed on unchanged. 0 turns the loop off.
     */
    @ConfigDocDefault("3")
    OptionalInt maxRounds();

    /**
     * Where the follow-ups of the retrieve loop for Quarkus REST resources are sent ({@code scheme://host:port},
     * e.g. when the application listens behind a path prefix or only on TLS); by default the loopback interface at
     * the port the request came in on.
     */
    Optional<String> selfUri();

    /** Longest time, in milliseconds, one follow-up call of the retrieve loop may take. */
    @ConfigDocDefault("120000")
    Optional<Long> roundTimeoutMs();
}
