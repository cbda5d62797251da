package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;

/** Code-compression options ({@code io.headroom.CodeCompressionConfig}). Unset keys take the core's defaults. */
public interface CodeCompressionGroup {

    /**
     * Whether function bodies in source-code tool outputs are collapsed. Off by default: code is
     * usually read to be worked on.
     */
    @ConfigDocDefault("false")
    Optional<Boolean> enabled();
}
