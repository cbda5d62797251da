package io.headroom.sample;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access for browser clients, off unless {@code headroom.cors.allowed-origins}
 * ({@code HEADROOM_CORS_ORIGINS}, comma-separated; {@code *} for any origin) is set: the gateway forwards
 * credentials and serves cached originals, so no page may read its answers unless the operator says so. Off,
 * no answer carries a CORS header (an upstream's are removed too) and a preflight is routed like any request. On, like the original's
 * (Starlette's) middleware: a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an
 * allowed origin gets 200 with the allowed methods and headers, from any other origin 400; an actual request
 * from an allowed origin gets {@code Access-Control-Allow-Origin}. No credentials mode, as the original's.
 * Operator endpoints additionally check {@code Origin} themselves ({@link AdminAccess}).
 */
@ApplicationScoped
public class CorsPolicy {
    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization, x-api-key, anthropic-version, anthropic-beta, "
            + "x-headroom-proxy-token, x-headroom-mode, x-headroom-bypass";
    static final String EXPOSED_HEADERS = "x-headroom-compressed, x-headroom-tokens-before, x-headroom-tokens-after, "
            + "x-headroom-tokens-saved";
    /** Outside the proxy token gate (a browser sends no credentials on a preflight), inside the security headers. */
    static final int PRIORITY = 120;

    private final boolean anyOrigin;
    private final Set<String> origins;

    @Inject
    public CorsPolicy(@ConfigProperty(name = "headroom.cors.allowed-origins") Optional<List<String>> origins) {
        List<String> configured = origins.orElse(List.of()).stream().map(CorsPolicy::normalized)
                .filter(o -> !o.isEmpty()).toList();
        this.anyOrigin = configured.contains("*");
        this.origins = configured.stream().filter(o -> !o.equals("*")).collect(Collectors.toUnmodifiableSet());
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    boolean enabled() {
        return anyOrigin || !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(normalized(origin)));
    }

    private void filter(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (enabled() && origin != null && request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            answerPreflight(response, origin);
            return;
        }
        boolean allowed = allows(origin);
        // an upstream's own CORS headers (its policy, not the gateway's) never reach the client
        rc.addHeadersEndHandler(v -> {
            stripCorsHeaders(response);
            if (allowed) {
                response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin);
                response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
                if (!anyOrigin) {
                    response.headers().add(HttpHeaders.VARY, "Origin");
                }
            }
        });
        rc.next();
    }

    private void answerPreflight(HttpServerResponse response, String origin) {
        response.putHeader(HttpHeaders.VARY, "Origin");
        if (!allows(origin)) {
            response.setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("Disallowed CORS origin");
            return;
        }
        response.setStatusCode(200)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                .end();
    }

    private static void stripCorsHeaders(HttpServerResponse response) {
        List<String> names = response.headers().names().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
        names.forEach(response.headers()::remove);
    }

    private static String normalized(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
