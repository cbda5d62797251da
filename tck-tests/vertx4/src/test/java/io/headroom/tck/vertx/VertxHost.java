package io.headroom.tck.vertx;

import io.headroom.BodyReadConfig;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.conformance.BodyLimits;
import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.downstream.RelayRoute;
import io.headroom.conformance.downstream.RetrieveRelayRoute;
import io.headroom.vertx.HeadroomHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A plain Vert.x application: an {@link HttpServer} (HTTP/1.1 and h2c on one loopback port) whose
 * {@link Router} has {@link HeadroomHandler} first, then a JSON-only {@code BodyHandler} and the application's
 * route, the order HeadroomHandler's javadoc gives. Compiled against Vert.x 4.5 here and against
 * Vert.x 5 in tck-tests/vertx5, from the same source.
 */
final class VertxHost implements HostUnderTest {
    private static final long TIMEOUT_SECONDS = 30;

    private final boolean answersRetrieveCalls;
    private Headroom headroom;
    private Vertx vertx;

    /** The application relays with its JDK-client relay; Headroom does not offer the retrieve tool. */
    VertxHost() {
        this(false);
    }

    private VertxHost(boolean answersRetrieveCalls) {
        this.answersRetrieveCalls = answersRetrieveCalls;
    }

    /**
     * The application forwards with its own Vert.x HttpClient through {@code RetrieveRelay} and tells the handler
     * {@code answersRetrieveCalls(true)}, so Headroom offers the tool and the application answers the calls.
     */
    static VertxHost answeringRetrieveCalls() {
        return new VertxHost(true);
    }

    @Override
    public URI start(Map<String, String> headroomOptions) throws Exception {
        headroom = Headroom.create(HeadroomConfig.fromMap(headroomOptions));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        HeadroomHandler handler = HeadroomHandler.builder(headroom).readLimit(BodyLimits.READ_LIMIT_BYTES)
                .bodyRead(BodyReadConfig.fromMap(headroomOptions)).answersRetrieveCalls(answersRetrieveCalls).build();
        router.route().handler(handler.bodyReader()).handler(handler);
        // the application's BodyHandler, for JSON (a gateway forwards forms as sent); passes for what Headroom read
        router.route().handler(RelayRoute.jsonBodyHandler());
        if (answersRetrieveCalls) {
            router.route().handler(new RetrieveRelayRoute(headroom, vertx.createHttpClient(), HeadroomHandler::body));
        } else {
            router.route().handler(new RelayRoute(HeadroomHandler::body)); // the accessor that works on 4.5 and 5
        }
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setUseAlpn(false).setHttp2ClearTextEnabled(true);
        HttpServer server = vertx.createHttpServer(options).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        if (headroom != null) {
            headroom.close();
        }
    }
}
