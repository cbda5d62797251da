package io.headroom.host;

import io.headroom.ErrorType;
import io.headroom.Headroom;

/**
 * What every host's stats endpoint answers one caller: 200 with {@link StatsDocument} to a {@link LoopbackCallers}
 * caller, 403 with an error body to anyone else. Both are JSON ({@link #CONTENT_TYPE}) and must not be cached
 * ({@link #CACHE_CONTROL}), so a host only writes status, these two headers and the body.
 *
 * @param status 200 or 403
 * @param body UTF-8 JSON
 */
public record StatsReply(int status, byte[] body) {
    public static final String CONTENT_TYPE = ErrorBodies.CONTENT_TYPE;
    public static final String CACHE_CONTROL = "no-store";

    /**
     * @param remoteAddress the peer's IP literal as the server reports it
     * @param host the {@code Host} header (or HTTP/2 authority, or server name)
     * @param admission the host's admission policy, for its pass-through counts
     */
    public static StatsReply forCaller(String remoteAddress, String host, Headroom headroom, Admission admission) {
        if (LoopbackCallers.allowed(remoteAddress, host)) {
            return new StatsReply(200, StatsDocument.bytes(headroom.stats(), admission.passedThrough()));
        }
        return new StatsReply(403, ErrorBodies.of(ErrorType.FORBIDDEN, "the stats endpoint answers loopback callers only"));
    }
}
