package io.headroom.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts a body where {@code rc.body()} finds it, on the Vert.x versions whose public API allows it.
 * Vert.x 4.5 has {@code RoutingContext.setBody(Buffer)} (deprecated, public); Vert.x 5 removed it and has
 * no public setter at all. The call below is linked lazily by the JVM, so on Vert.x 5 it is simply never
 * executed and this jar still loads.
 */
final class ContextBody {
    /** Whether this Vert.x has the public {@code RoutingContext.setBody(Buffer)}. */
    static final boolean SETTABLE = settable();

    private ContextBody() {
    }

    /** Makes {@code body} what {@code rc.body()} returns to later handlers; false when this Vert.x cannot. */
    @SuppressWarnings("deprecation")
    static boolean set(RoutingContext rc, Buffer body) {
        if (!SETTABLE) {
            return false;
        }
        rc.setBody(body);
        return true;
    }

    private static boolean settable() {
        try {
            RoutingContext.class.getMethod("setBody", Buffer.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
