package io.headroom.quarkus.runtime;

import io.headroom.Headroom;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import io.headroom.jaxrs.RetrieveSelfCalls;
import io.headroom.vertx.HeadroomHandler;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The extension's request path: {@link HeadroomHandler} (admission, reading, rewriting, headers) installed as two
 * route filters, plus the one Quarkus-specific turn, for HTTP/2 requests that Quarkus REST will take.
 *
 * <p>Quarkus REST 3.33 pauses every request it dispatches, and Vert.x refuses to pause an HTTP/2 request whose
 * body was already read (quarkusio/quarkus#34393). So when the application has Quarkus REST, an HTTP/2 request is
 * read here only when an exact-path Vert.x route ({@code router.post("/v1/chat/completions")}, {@code @Route}) will
 * take it; otherwise it goes on unread and {@link HeadroomRestBodyFilter} reads and rewrites it inside Quarkus REST.
 * The one combination left uncompressed: HTTP/2 requests to a wildcard or regex Vert.x route in an application that
 * also has Quarkus REST (they get {@code x-headroom-compressed: false}); said once at start-up.
 *
 * <p>The model's {@code headroom_retrieve} calls: in an application with Quarkus REST the filters keep the body that
 * offers the tool next to the one handed on without it ({@link HeadroomHandler#offeredRewrite});
 * {@link HeadroomRestRetrieveFilter} gives a resource on a worker thread the one with the tool and has the
 * headroom-jaxrs response filter answer the calls ({@link RetrieveSelfCalls}). A follow-up round it sends passes
 * both filters untouched. Unless {@code retrieve.answered-by-application} is set (then every request keeps the tool).
 */
@Singleton
public class HeadroomInterception {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomInterception.class);
    /** Context key: an HTTP/2 request left unread for {@link HeadroomRestBodyFilter}. */
    static final String LEFT_TO_REST = "io.headroom.quarkus.left-to-rest";

    private final HeadroomHandler handler;
    private final Headroom headroom;
    private final CallerScopes scopes;
    /** Null when the extension answers no calls (no Quarkus REST, the application answers them, or nothing to). */
    private final RetrieveSelfCalls selfCalls;
    private volatile Router router;
    private volatile List<Route> exactPostRoutes;

    public HeadroomInterception(Headroom headroom, HeadroomRuntimeConfig config) {
        int threads = config.compressionThreads().orElse(Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("quarkus.headroom.compression-threads must be at least 1, got " + threads);
        }
        this.headroom = headroom;
        this.scopes = new CallerScopes(config.tenantIsolation(), config.tenantHeader().orElse(null));
        boolean answeredByApplication = config.retrieve().answeredByApplication();
        this.selfCalls = restServerPresent() && !answeredByApplication && headroom.config().ccr().injectTool()
                && headroom.config().retrieve().maxRounds() > 0
                ? new RetrieveSelfCalls(headroom.config().retrieve().selfUri()) : null;
        this.handler = HeadroomHandler.builder(headroom).paths(config.paths()).tenantScope(scopes::of)
                .compressionThreads(threads).readLimit(serverBodyLimit())
                .bodyRead(CoreConfigMapper.bodyRead(config.bodyRead()))
                .answersRetrieveCalls(answeredByApplication).keepsOfferedRewrite(selfCalls != null).build();
        if (selfCalls != null) {
            String selfUri = headroom.config().retrieve().selfUri();
            LOG.info("Headroom answers the model's headroom_retrieve calls for Quarkus REST resources that run on "
                    + "worker threads, sending each follow-up to this application at {} (quarkus.headroom.retrieve"
                    + ".self-uri); resources on the event loop (@NonBlocking, Uni/Multi) and Vert.x routes get the "
                    + "body without the tool", selfUri.isEmpty() ? "the loopback interface on the request's port" : selfUri);
        }
    }

    /** Quarkus REST (the server) is in the application: the extension registers its filters there. */
    private static boolean restServerPresent() {
        try {
            Class.forName("org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestFilter", false,
                    HeadroomInterception.class.getClassLoader());
            Class.forName("io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** How follow-ups to Quarkus REST resources are sent, or null when the extension answers no calls. */
    RetrieveSelfCalls selfCalls() {
        return selfCalls;
    }

    Headroom headroom() {
        return headroom;
    }

    /** The caller's CCR scope ({@code tenant-isolation}). */
    String scope(RoutingContext rc) {
        return scopes.of(rc.request());
    }

    /** One of the extension's own retrieve follow-ups: its body goes to the resource as it is. */
    boolean isFollowUp(RoutingContext rc) {
        return selfCalls != null && selfCalls.isFollowUp(rc.request().getHeader(RetrieveSelfCalls.HEADER));
    }

    /**
     * Quarkus answers 413 itself past {@code quarkus.http.limits.max-body-size}; Headroom reads up to the same
     * limit, so a body too large to compress still reaches the application unchanged, as it would without Headroom.
     */
    private static long serverBodyLimit() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(HeadroomHandler.DEFAULT_READ_LIMIT);
    }

    void routerReady(@Observes Router router) {
        this.router = router; // its routes are read on the first HTTP/2 request, when every observer has added its own
    }

    HeadroomHandler handler() {
        return handler;
    }

    /** Filter 1: reads the bodies Headroom rewrites (with Vert.x's BodyHandler), except those left to Quarkus REST. */
    Handler<RoutingContext> bodyReader(boolean restPresent) {
        if (restPresent) {
            LOG.info("Headroom: HTTP/2 requests to Quarkus REST endpoints and exact-path Vert.x routes are compressed; "
                    + "HTTP/2 requests to wildcard or regex Vert.x routes go on uncompressed in an application with "
                    + "Quarkus REST (quarkusio/quarkus#34393)");
        }
        Handler<RoutingContext> reader = handler.bodyReader();
        return rc -> {
            if (isFollowUp(rc)) {
                rc.next();
            } else if (restPresent && leaveToRest(rc)) {
                rc.put(LEFT_TO_REST, Boolean.TRUE);
                rc.next();
            } else {
                reader.handle(rc);
            }
        };
    }

    /** Filter 2: rewrites what filter 1 read. */
    Handler<RoutingContext> rewriter() {
        return rc -> {
            if (isFollowUp(rc)) {
                rc.next();
                return;
            }
            if (rc.get(LEFT_TO_REST) == null) {
                handler.handle(rc);
                return;
            }
            // Quarkus REST rewrites it and then replaces these; a Vert.x route gets it as sent
            HeadroomHeaders.untouched().forEach(rc.response()::putHeader);
            rc.next();
        };
    }

    private boolean leaveToRest(RoutingContext rc) {
        return rc.request().version() == HttpVersion.HTTP_2 && handler.decide(rc).readBody()
                && !rc.body().available() && !rc.request().isEnded() && !takenByExactRoute(rc.normalizedPath());
    }

    /** Whether an exact-path Vert.x route takes this POST: such routes come before Quarkus REST. */
    private boolean takenByExactRoute(String path) {
        List<Route> routes = exactPostRoutes;
        if (routes == null) {
            Router r = router;
            routes = r == null ? List.of() : r.getRoutes().stream()
                    .filter(route -> route.getPath() != null && route.isExactPath() && !route.isRegexPath())
                    .filter(route -> route.methods() == null || route.methods().isEmpty()
                            || route.methods().contains(HttpMethod.POST))
                    .toList();
            exactPostRoutes = routes;
        }
        for (Route route : routes) {
            if (route.getPath().equals(path)) {
                return true;
            }
        }
        return false;
    }
}
