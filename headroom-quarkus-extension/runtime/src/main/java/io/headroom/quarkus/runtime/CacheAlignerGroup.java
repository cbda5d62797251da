package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.List;
import java.util.Optional;

/** Cache-aligner options ({@code io.headroom.CacheAlignerConfig}). Unset keys take the core's defaults. */
public interface CacheAlignerGroup {

    /**
     * Opt-in rewrite of the system prompt so its prefix stays byte-identical across requests: dates,
     * times, timestamps, UUIDs, hex/request/session ids and the configured patterns are cut out of the
     * system content and listed, in order, in one {@code [Dynamic context]} block at its end. Off by
     * default: system prompts are never changed.
     */
    @ConfigDocDefault("false")
    Optional<Boolean> enabled();

    /**
     * Extra dynamic-content regular expressions beyond the built-in ones, comma-separated. When a
     * pattern contains a comma, give every pattern its own indexed key instead
     * ({@code quarkus.headroom.cache-aligner.patterns[0]=\\d{1,2}h}); indexed keys replace the
     * comma-separated value.
     */
    Optional<List<String>> patterns();
}
