package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;

/**
 * Anthropic {@code cache_control} options (part of {@code io.headroom.CacheAlignerConfig}). Unset keys take
 * the core's defaults.
 */
public interface CacheControlGroup {

    /** Whether Anthropic {@code cache_control} breakpoints are placed on the stable prefix. */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();
}
