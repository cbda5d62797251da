package io.headroom.vertx;

import io.headroom.Mode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.util.function.BiConsumer;

/**
 * The request and response handling that every Vert.x adapter of Headroom shares: the
 * {@code x-headroom-*} headers, the declared length, reading the body against max-body-bytes and
 * handing the body on to later handlers with a matching length. Used by {@link HeadroomHandler} and the
 * Quarkus extension's route filter, so both answer a client the same way.
 */
public final class HeadroomExchange {
    /** Request header: {@code true} forwards the request untouched. */
    public static final String HEADER_BYPASS = "x-headroom-bypass";
    /** Request header: overrides the configured {@link Mode} for this request. */
    public static final String HEADER_MODE = "x-headroom-mode";
    /** Response header: whether the request body was rewritten. */
    public static final String HEADER_COMPRESSED = "x-headroom-compressed";
    /** Response header: tokens the rewrite saved. */
    public static final String HEADER_TOKENS_SAVED = "x-headroom-tokens-saved";

    private HeadroomExchange() {
    }

    /** Whether the client asked for this request to be left alone. */
    public static boolean bypassed(HttpServerRequest req) {
        return "true".equalsIgnoreCase(header(req, HEADER_BYPASS));
    }

    /** The mode the client asked for, or null; an unknown mode falls back to the configured one rather than failing the request. */
    public static Mode modeOverride(HttpServerRequest req) {
        try {
            return Mode.parse(req.getHeader(HEADER_MODE), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code Content-Length} the client sent, or -1 when it is absent or not a number. */
    public static long declaredLength(HttpServerRequest req) {
        String v = header(req, HttpHeaders.CONTENT_LENGTH);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The header's value without surrounding white space, or null. */
    public static String header(HttpServerRequest req, CharSequence name) {
        String v = req.getHeader(name);
        return v == null ? null : v.trim();
    }

    /** Adds the two response headers, unless the response has already started. */
    public static void markResponse(RoutingContext rc, boolean compressed, int tokensSaved) {
        if (!rc.response().headWritten()) {
            rc.response().putHeader(HEADER_COMPRESSED, Boolean.toString(compressed))
                    .putHeader(HEADER_TOKENS_SAVED, Integer.toString(tokensSaved));
        }
    }

    /**
     * Makes {@code body} what {@code rc.body()} returns to every later handler, and marks the body
     * handler as visited so a {@code BodyHandler} further down does not wait for the ended stream.
     */
    public static void setBody(RoutingContext rc, Buffer body) {
        if (rc instanceof RoutingContextInternal internal) {
            internal.setBody(body);
            internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        } else {
            rc.setBody(body);
        }
    }

    /** Makes the request's headers describe a fixed-length body of {@code length} bytes. */
    public static void setFixedLength(HttpServerRequest req, int length) {
        req.headers().set(HttpHeaders.CONTENT_LENGTH, Integer.toString(length));
        // The body is now a fixed-length buffer; a stale chunked marker would contradict Content-Length.
        req.headers().remove(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Reads the whole request body on the event loop and hands it to {@code onEnd} with whether it
     * went past {@code limit}; a read error fails the context with 400. The caller has answered any
     * {@code Expect: 100-continue} before.
     */
    public static void readBody(RoutingContext rc, long limit, BiConsumer<Buffer, Boolean> onEnd) {
        HttpServerRequest req = rc.request();
        long declared = declaredLength(req);
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 4096);
        boolean[] tooLarge = {false};
        req.handler(chunk -> {
            // Past the limit the bytes still reach the application; only compression is skipped.
            tooLarge[0] |= body.length() + (long) chunk.length() > limit;
            body.appendBuffer(chunk);
        });
        req.exceptionHandler(t -> {
            if (!rc.failed() && !rc.response().ended()) {
                rc.fail(400, t);
            }
        });
        req.endHandler(v -> onEnd.accept(body, tooLarge[0]));
        req.resume();
    }
}
