package io.headroom.quarkus.runtime;

import java.util.Optional;

/** Code-compression options ({@code io.headroom.CodeCompressionConfig}). Unset keys take the core's defaults. */
public interface CodeCompressionGroup {

    /**
     * Whether function bodies in source-code tool outputs are collapsed. Off by default: code is
     * usually read to be worked on.
     */
    Optional<Boolean> enabled();
}
