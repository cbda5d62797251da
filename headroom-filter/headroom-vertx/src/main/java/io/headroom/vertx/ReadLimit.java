package io.headroom.vertx;

import io.headroom.ErrorType;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.ErrorBodies;
import io.headroom.host.PassReason;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read limit of {@link HeadroomHandler#bodyReader()}, answered with the one JSON 413 of every host
 * ({@link ErrorBodies}) whether the body declared its length or grew past the limit while arriving.
 *
 * <p>A body of unknown length is read by Vert.x's {@code BodyHandler}, which reports the overflow with
 * {@code rc.fail(413)}: failure handlers are looked up from the router's first route, so the reader's own route
 * gets a failure handler (added once, the first time the reader runs on it) that answers the 413s of bodies the
 * reader was reading and passes every other failure on. Headroom's route comes first, so no application failure
 * handler (which may answer HTML or an empty body) sees these.
 */
final class ReadLimit {
    private static final String READING = "io.headroom.vertx.reading-body";
    static final String MESSAGE = "the request body exceeds the size limit";

    private final long bytes;
    private final Set<Route> guarded = ConcurrentHashMap.newKeySet();

    ReadLimit(long bytes) {
        this.bytes = bytes;
    }

    long bytes() {
        return bytes;
    }

    /** An LLM request Headroom would read but for its declared length, which is over the read limit as well. */
    boolean declaredOver(RoutingContext rc, AdmissionDecision decision) {
        return decision.reason() == PassReason.TOO_LARGE
                && declaredLength(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > bytes;
    }

    /** Marks {@code rc}'s body as read by the reader, whose overflow this then answers. */
    void watch(RoutingContext rc) {
        rc.put(READING, Boolean.TRUE);
        Route route = rc.currentRoute();
        if (route != null && guarded.add(route)) {
            route.failureHandler(this::onFailure);
        }
    }

    /** 413 with the JSON error body; the rest of the body is dropped and an HTTP/1.1 connection closed. */
    static void answer(RoutingContext rc) {
        ErrorReplies.answerAndStopReading(rc, ErrorType.PAYLOAD_TOO_LARGE,
                ErrorBodies.of(ErrorType.PAYLOAD_TOO_LARGE, MESSAGE));
    }

    private void onFailure(RoutingContext rc) {
        if (rc.statusCode() == 413 && rc.get(READING) != null) {
            answer(rc);
        } else {
            rc.next();
        }
    }

    private static long declaredLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
