package io.headroom.vertx;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Notices a request body that stopped arriving: every {@code idleMillis} it compares the body bytes read so far
 * ({@link HttpServerRequest#bytesRead()}, counted by Vert.x whoever reads the stream) with the last look, and
 * calls {@code onSilence} when nothing arrived in between. So a sender is given up on after between one and two
 * idle periods of silence, and a slow but steady one never is. One timer per read, gone once the body ended.
 */
final class ReadWatchdog {
    private final RoutingContext rc;
    private final long idleMillis;
    private final Handler<RoutingContext> onSilence;

    private ReadWatchdog(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        this.rc = rc;
        this.idleMillis = idleMillis;
        this.onSilence = onSilence;
    }

    /** Starts watching the body of {@code rc}'s request; call on its event loop before reading starts. */
    static void watch(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        new ReadWatchdog(rc, idleMillis, onSilence).arm(rc.request().bytesRead());
    }

    private void arm(long seen) {
        rc.vertx().setTimer(idleMillis, id -> {
            HttpServerRequest request = rc.request();
            if (request.isEnded() || rc.response().ended() || rc.response().closed()) {
                return;
            }
            long now = request.bytesRead();
            if (now != seen) {
                arm(now);
            } else {
                onSilence.handle(rc);
            }
        });
    }
}
