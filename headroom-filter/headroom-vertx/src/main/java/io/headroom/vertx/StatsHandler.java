package io.headroom.vertx;

import io.headroom.Headroom;
import io.headroom.host.Admission;
import io.headroom.host.LoopbackCallers;
import io.headroom.host.StatsDocument;
import io.headroom.host.StatsReply;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * A {@link HeadroomHandler}'s stats endpoint, for the application to mount where it likes:
 * {@code router.get("/headroom/stats").handler(StatsHandler.of(handler))}. Answers {@link StatsDocument}, the
 * numbers of the gateway's {@code /stats}, to loopback callers under a loopback {@code Host} only
 * ({@link LoopbackCallers}, the rule of every host's stats endpoint); anyone else gets 403.
 */
public final class StatsHandler implements Handler<RoutingContext> {
    private final Headroom headroom;
    private final Admission admission;

    private StatsHandler(Headroom headroom, Admission admission) {
        this.headroom = headroom;
        this.admission = admission;
    }

    /** The stats of {@code handler}'s Headroom, with the handler's pass-through counts by reason. */
    public static StatsHandler of(HeadroomHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new StatsHandler(handler.headroom(), handler.admission());
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        SocketAddress peer = request.remoteAddress();
        HostAndPort authority = request.authority(); // the Host header, or the HTTP/2 :authority
        StatsReply reply = StatsReply.forCaller(peer == null ? null : peer.hostAddress(),
                authority == null ? null : authority.host(), headroom, admission);
        rc.response().setStatusCode(reply.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, StatsReply.CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, StatsReply.CACHE_CONTROL)
                .end(Buffer.buffer(reply.body()));
    }
}
