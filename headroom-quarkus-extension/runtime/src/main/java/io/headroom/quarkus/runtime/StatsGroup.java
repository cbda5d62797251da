package io.headroom.quarkus.runtime;

import io.smallrye.config.WithDefault;

/**
 * The stats endpoint, an option of the extension itself: {@code GET} on {@link #path()} answers the numbers of the
 * gateway's {@code /stats} ({@code io.headroom.host.StatsDocument}) to loopback callers under a loopback {@code Host}
 * only; anyone else gets 403.
 */
public interface StatsGroup {

    /**
     * Whether the application's HTTP server answers {@code GET} on {@code quarkus.headroom.stats.path} with
     * Headroom's stats (requests, tokens, cache, retrieve rounds: the numbers of the gateway's {@code /stats}).
     * Only callers on this machine get them: the peer must be a loopback address and the {@code Host} a loopback
     * name; anyone else gets 403.
     */
    @WithDefault("false")
    boolean enabled();

    /** The path of the stats endpoint, under {@code quarkus.http.root-path} like the application's own routes. */
    @WithDefault("/headroom/stats")
    String path();
}
