package io.headroom.vertx;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Notices a request body that stopped arriving, or arrives too slowly to be a real upload: every
 * {@code idleMillis} it compares the body bytes read so far ({@link HttpServerRequest#bytesRead()}, counted by
 * Vert.x whoever reads the stream) with the last look, and calls {@code onSilence} when fewer than
 * {@link #MIN_PROGRESS_BYTES} arrived in between. So a silent sender is given up on after between one and two
 * periods, and so is one that trickles a byte a second to hold a connection and its buffer (a slowloris); a
 * real client, however slow its link, sends far more than that per period. One timer per read, gone once the
 * body ended. Public so that an application which reads or relays a body Headroom left unread (a gateway
 * streaming it to its upstream) bounds it the same way.
 */
public final class ReadWatchdog {
    /** Bytes a body must gain per period to count as arriving: 1 KiB, about 34 bytes a second at the default 30 s. */
    public static final long MIN_PROGRESS_BYTES = 1024;

    private final RoutingContext rc;
    private final long idleMillis;
    private final Handler<RoutingContext> onSilence;

    private ReadWatchdog(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        this.rc = rc;
        this.idleMillis = idleMillis;
        this.onSilence = onSilence;
    }

    /** Starts watching the body of {@code rc}'s request; call on its event loop before reading starts. */
    public static void watch(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        new ReadWatchdog(rc, idleMillis, onSilence).arm(rc.request().bytesRead());
    }

    private void arm(long seen) {
        rc.vertx().setTimer(idleMillis, id -> {
            HttpServerRequest request = rc.request();
            if (request.isEnded() || rc.response().ended() || rc.response().closed()) {
                return;
            }
            long now = request.bytesRead();
            if (now - seen >= MIN_PROGRESS_BYTES) {
                arm(now);
            } else {
                onSilence.handle(rc);
            }
        });
    }
}
