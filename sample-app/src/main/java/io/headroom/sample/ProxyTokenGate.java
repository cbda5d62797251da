package io.headroom.sample;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The optional inbound proxy token of the original ({@code HEADROOM_PROXY_TOKEN}, property
 * {@code headroom.proxy-token}): when set, every request of a caller that is not a loopback client
 * ({@link ClientAddress}; a relayed request from an untrusted peer is no loopback client) must present it, as
 * {@code Authorization: Bearer <token>} or {@value #TOKEN_HEADER}, on every path but the probes
 * ({@link #EXEMPT_PATHS}, which orchestrators call without credentials). Compared in constant time; a refusal
 * is 401 in the route's provider error shape ({@link AuthenticationErrors}) and one WARN line naming the path
 * and the reason, never the token. Runs ahead of every other guard, so the operator rule
 * ({@link AdminAccess}) still applies to a caller that passed.
 *
 * <p>Either header may carry the token (the original looks only at the bearer when there is one), so a client
 * can send its provider key as the bearer and the token beside it. The token header is removed before the
 * request goes on, and so is an {@code Authorization} that carried the token, so the upstream never sees it.
 */
@ApplicationScoped
public class ProxyTokenGate {
    private static final Logger LOG = Logger.getLogger(ProxyTokenGate.class);

    /** The header a client sends the token in when its Authorization carries a provider key. */
    public static final String TOKEN_HEADER = "x-headroom-proxy-token";
    /** Probes stay reachable without a token, as the original's. */
    static final Set<String> EXEMPT_PATHS = Set.of("/health", "/healthz", "/livez", "/readyz");
    /** Ahead of the CORS policy's actual requests, the admin rule (100) and every other gateway filter. */
    static final int PRIORITY = 110;

    private final byte[] token;
    private final ClientAddress clients;

    @Inject
    public ProxyTokenGate(GatewayConfig gateway,
                          @ConfigProperty(name = "headroom.proxy-token") Optional<String> token) {
        this(token, ClientAddress.fromConfig(gateway));
    }

    ProxyTokenGate(Optional<String> token, ClientAddress clients) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.clients = clients;
    }

    void register(@Observes Filters filters) {
        if (token != null) {
            filters.register(this::filter, PRIORITY);
        }
    }

    /** True when a token is configured (the start-up warning about an open bind is then silent). */
    boolean enabled() {
        return token != null;
    }

    private void filter(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        if (EXEMPT_PATHS.contains(path) || clients.isLoopback(request)) {
            rc.next();
            return;
        }
        String bearer = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        String header = request.getHeader(TOKEN_HEADER);
        boolean bearerMatches = matches(bearer);
        if (bearerMatches || matches(header)) {
            request.headers().remove(TOKEN_HEADER);
            if (bearerMatches) {
                request.headers().remove(HttpHeaders.AUTHORIZATION);
            }
            rc.next();
            return;
        }
        String reason = bearer == null && header == null ? "missing_token" : "bad_token";
        LOG.warnf("proxy token refused: %s %s (%s)", request.method(), path, reason);
        AuthenticationErrors.write(rc.response(), path,
                "this gateway requires its proxy token (Authorization: Bearer or " + TOKEN_HEADER + ")");
    }

    /** Constant time in the presented token's content; a missing token never matches. */
    boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        String value = authorization.substring(7).strip();
        return value.isEmpty() ? null : value;
    }
}
