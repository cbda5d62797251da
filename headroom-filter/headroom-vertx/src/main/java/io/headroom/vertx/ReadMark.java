package io.headroom.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Leaves behind what Vert.x's {@code BodyHandler} leaves after reading a body: {@code rc.body()} returns it, and
 * a {@code BodyHandler} later in the chain sees the body as read and passes (instead of failing on the ended
 * request). Vert.x has no public way to do that; {@code BodyHandler} itself uses
 * {@code io.vertx.ext.web.impl.RoutingContextInternal}, whose {@code visitHandler(int)}, {@code setBody(Buffer)}
 * and {@code BODY_HANDLER} are the same in Vert.x 4.5 and 5 (the tests run on both). This class is the one
 * place a host touches a framework internal (the architecture rule names it), and it is guarded: where the
 * interface is missing or different, or the context is not one (a wrapper of the application's),
 * {@link #supported} is false and the caller reads the body with {@code BodyHandler} as before.
 */
final class ReadMark {
    private static final Class<?> INTERNAL = internalContextClass();

    private ReadMark() {
    }

    static boolean supported(RoutingContext rc) {
        return INTERNAL != null && INTERNAL.isInstance(rc);
    }

    /** Call once the body ended, and only when {@link #supported} is true. */
    static void markRead(RoutingContext rc, Buffer body) {
        RoutingContextInternal internal = (RoutingContextInternal) rc;
        internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        internal.setBody(body);
    }

    /** The internal interface when it has what {@link #markRead} calls, else null. */
    private static Class<?> internalContextClass() {
        try {
            Class<?> c = Class.forName("io.vertx.ext.web.impl.RoutingContextInternal", false,
                    RoutingContext.class.getClassLoader());
            c.getMethod("visitHandler", int.class);
            c.getMethod("setBody", Buffer.class);
            c.getField("BODY_HANDLER");
            return c;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
