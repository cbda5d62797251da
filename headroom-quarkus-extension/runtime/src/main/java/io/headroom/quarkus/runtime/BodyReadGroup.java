package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.Optional;

/**
 * How request bodies are read ({@code io.headroom.BodyReadConfig}); its keys sit directly under
 * {@code quarkus.headroom}. Unset keys take the core's defaults.
 */
public interface BodyReadGroup {

    /**
     * Longest silence between two chunks of a request body Headroom reads ({@code body-read-timeout-ms}); a
     * sender silent for longer is answered 408 with a JSON error body and its HTTP/1.1 connection closed.
     */
    @ConfigDocDefault("30S")
    Optional<Duration> bodyReadTimeout();

    /**
     * Most request-body bytes Headroom reads at once, across all requests ({@code max-buffered-body-bytes}),
     * each body counted by its declared length (or {@code quarkus.http.limits.max-body-size} when none is
     * declared) until its response ended. A body that does not fit goes on unread and uncompressed.
     */
    @ConfigDocDefault("256M")
    Optional<MemorySize> maxBufferedBodySize();
}
