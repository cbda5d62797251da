package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.List;
import java.util.Optional;

/** Cache-aligner options ({@code io.headroom.CacheAlignerConfig}). Unset keys take the core's defaults. */
public interface CacheAlignerGroup {

    /**
     * Whether dynamic content (dates, times, ids) is moved from the system prompt to its end so the
     * stable prefix stays byte-identical across requests.
     */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();

    /**
     * Extra dynamic-content regular expressions beyond the built-in ones, comma-separated. When a
     * pattern contains a comma, give every pattern its own indexed key instead
     * ({@code quarkus.headroom.cache-aligner.patterns[0]=\\d{1,2}h}); indexed keys replace the
     * comma-separated value.
     */
    Optional<List<String>> patterns();
}
