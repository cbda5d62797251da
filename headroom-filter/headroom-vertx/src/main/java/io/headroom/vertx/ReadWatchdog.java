package io.headroom.vertx;

import io.headroom.ErrorType;
import io.headroom.host.ErrorBodies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Notices a request body that stopped arriving, or arrives too slowly to be a real upload: every
 * {@code idleMillis} it compares the body bytes read so far ({@link HttpServerRequest#bytesRead()}, counted by
 * Vert.x whoever reads the stream) with its earlier looks, and calls {@code onSilence} when nothing arrived in
 * the last period, or fewer than {@link #MIN_PROGRESS_BYTES} in the last two. So a silent sender is given up on
 * after one to two periods, and one that trickles a byte a second to hold a connection and its buffer (a
 * slowloris) after two; a real client, however slow its link, sends far more than that. One timer per read,
 * gone once the body ended. Public so that an application which reads or relays a body Headroom left unread (a
 * gateway streaming it to its upstream) bounds it the same way.
 */
public final class ReadWatchdog {
    /** Bytes a body must gain over two periods to count as arriving: 1 KiB, 17 bytes a second at the default 30 s. */
    public static final long MIN_PROGRESS_BYTES = 1024;

    private final RoutingContext rc;
    private final long idleMillis;
    private final Handler<RoutingContext> onSilence;
    private long timer = -1;
    private boolean stopped;

    private ReadWatchdog(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        this.rc = rc;
        this.idleMillis = idleMillis;
        this.onSilence = onSilence;
    }

    /**
     * What a host answers a body that stopped arriving: 408 with the JSON error body, the rest of the body
     * dropped, an HTTP/1.1 connection closed once the answer is written.
     */
    public static void answerStoppedBody(RoutingContext rc) {
        ErrorReplies.answerAndStopReading(rc, ErrorType.REQUEST_TIMEOUT, ErrorBodies.bodyStoppedArriving());
    }

    /** Starts watching the body of {@code rc}'s request; call on its event loop before reading starts. */
    public static void watch(RoutingContext rc, long idleMillis, Handler<RoutingContext> onSilence) {
        ReadWatchdog dog = new ReadWatchdog(rc, idleMillis, onSilence);
        // a pending timer holds the routing context and its body: gone as soon as the exchange ends, not a
        // whole period later (at a thousand requests a second that would keep 30 s of requests alive)
        rc.addEndHandler(ended -> dog.stop());
        dog.arm(-1, rc.request().bytesRead());
    }

    /**
     * @param before bytes read two looks ago, -1 before the second look
     * @param seen   bytes read at the last look
     */
    private void arm(long before, long seen) {
        if (stopped) {
            return;
        }
        timer = rc.vertx().setTimer(idleMillis, id -> {
            HttpServerRequest request = rc.request();
            if (stopped || request.isEnded() || rc.response().ended() || rc.response().closed()) {
                return;
            }
            long now = request.bytesRead();
            boolean silent = now == seen;
            // trickling is judged over the last two periods, so a body that starts a little late is not cut
            boolean trickling = before >= 0 && now - before < MIN_PROGRESS_BYTES;
            if (silent || trickling) {
                onSilence.handle(rc);
            } else {
                arm(seen, now);
            }
        });
    }

    /** Cancels the pending look, if any; runs on the request's event loop (end handlers do). */
    private void stop() {
        stopped = true;
        rc.vertx().cancelTimer(timer);
    }
}
