package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Compress-cache-retrieve (CCR) options ({@code io.headroom.CcrConfig}). Unset keys take the core's defaults. */
public interface CcrGroup {

    /** Whether compressed originals are stored so they can be retrieved by hash. */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();

    /** How long a stored original stays retrievable. */
    @ConfigDocDefault("1H")
    Optional<Duration> ttl();

    /** Maximum number of originals held; the least recently used are evicted first. */
    @ConfigDocDefault("10000")
    OptionalLong maxEntries();

    /**
     * Directory of a persistent CCR tier: originals then survive a restart. Unset keeps them on the
     * heap only.
     */
    Optional<Path> diskPath();

    /**
     * Size of the disk tier in megabytes (used only with {@code disk-path}); an original larger than
     * 1/16 of it is not stored, and therefore not compressed.
     */
    @ConfigDocDefault("512")
    OptionalLong diskSizeMb();

    /**
     * Whether the {@code headroom_retrieve} tool is added to requests whose originals went to CCR, so
     * the model can ask for what was left out.
     */
    @ConfigDocDefault("true")
    Optional<Boolean> injectTool();
}
