package io.headroom.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway answers the model's {@code headroom_retrieve} calls ({@code headroom.retrieve.*}); mapped onto
 * the core's retrieve slice ({@code io.headroom.RetrieveConfig}), whose loop does the answering.
 */
@ConfigMapping(prefix = "headroom.retrieve")
public interface RetrievalConfig {

    /**
     * Follow-up requests per client request at most ({@code retrieve.max-rounds}). A model still calling
     * headroom_retrieve after that many rounds gets its last answer passed to the client unchanged; 0 turns
     * answering off.
     */
    @WithDefault("3")
    int maxRounds();

    /** How long the upstream may stay silent on a follow-up request before it fails. */
    @WithDefault("5m")
    Duration timeout();

    /**
     * Longest time one follow-up call may take in all ({@code retrieve.round-timeout-ms}); unset keeps the
     * core's default (2 minutes).
     */
    Optional<Duration> roundTimeout();
}
