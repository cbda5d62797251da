package io.headroom.sample;

import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Runs a JSON endpoint's work on a worker thread (parsing, compressing and serialising megabytes
 * must not stall the event loop) and writes its answer, or its error in the wire shape.
 */
@ApplicationScoped
public class BlockingJson {
    private static final Logger LOG = Logger.getLogger(BlockingJson.class);

    private final Vertx vertx;

    public BlockingJson(Vertx vertx) {
        this.vertx = vertx;
    }

    public void respond(RoutingContext rc, Callable<byte[]> work) {
        vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ApiResponses.json(rc.response(), 200, ar.result());
            } else if (ar.cause() instanceof HeadroomException e) {
                ApiResponses.error(rc.response(), e.type(), e.getMessage());
            } else {
                // the exception's message may quote content: log only its type
                LOG.warnf("%s %s failed: %s", rc.request().method(), rc.request().path(),
                        ar.cause().getClass().getName());
                LOG.debugf("%s thrown at %s", ar.cause().getClass().getName(), where(ar.cause()));
                ApiResponses.error(rc.response(), ErrorType.TRANSFORM_ERROR,
                        "internal error (" + ar.cause().getClass().getSimpleName() + ")");
            }
        });
    }

    /** Where an exception was thrown, without its message (which may quote request content). */
    static String where(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? "unknown location" : trace[0].toString();
    }
}
