package io.headroom.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the gateway answers the model's {@code headroom_retrieve} calls ({@code headroom.retrieve.*}).
 */
@ConfigMapping(prefix = "headroom.retrieve")
public interface RetrievalConfig {

    /**
     * Follow-up requests per client request at most. A model still calling headroom_retrieve after that
     * many rounds gets its last answer passed to the client unchanged; 0 turns answering off.
     */
    @WithDefault("3")
    int maxRounds();

    /** How long the upstream may stay silent on a follow-up request before it fails. */
    @WithDefault("5m")
    Duration timeout();
}
