package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.Optional;

/**
 * What Headroom takes on ({@code io.headroom.LimitsConfig}); its keys sit directly under
 * {@code quarkus.headroom}. Unset keys take the core's defaults.
 */
public interface LimitsGroup {

    /**
     * Largest request body that is buffered and compressed. Larger bodies are forwarded
     * untouched, and bodies that declare a larger {@code Content-Length} are not buffered at all.
     */
    @ConfigDocDefault("32M")
    Optional<MemorySize> maxBodySize();

    /**
     * How long one request may spend in the pipeline. Past it the original goes on unchanged (fail
     * open) and the request is counted as a {@code deadline} pass. Checked between units of work,
     * never by interrupting a thread; at least one millisecond.
     */
    @ConfigDocDefault("2S")
    Optional<Duration> compressionDeadline();
}
