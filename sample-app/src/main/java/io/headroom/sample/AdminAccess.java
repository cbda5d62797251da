package io.headroom.sample;

import io.headroom.ErrorType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the operator endpoints ({@link #OPERATOR_PATHS}): they hand out cached originals (tool outputs with
 * whatever they contain) and usage figures. One filter in front of all of them, before any body is read:
 *
 * <ol>
 *   <li>{@code Origin}, when sent, must be a loopback origin or one of {@code headroom.admin.allowed-origins}.</li>
 *   <li>A caller presenting the opt-in admin token ({@code headroom.admin.token}, header {@value #TOKEN_HEADER})
 *       is let in (compared in constant time, never logged): a page cannot forge a secret it does not know.</li>
 *   <li>Anyone else must be a loopback client ({@link ClientAddress}: the connection's peer, or behind
 *       {@code headroom.gateway.trusted-proxies} the right-most untrusted forwarded hop), or any client when
 *       {@code headroom.admin.allow-remote=true}; and its {@code Host} must be a loopback name or one of
 *       {@code headroom.admin.allowed-hosts} (DNS rebinding).</li>
 * </ol>
 * Refusals are 403 forbidden in the JSON error shape. {@code /v1/compress} is one of them (it stores originals in
 * CCR and costs CPU). {@code headroom.admin.open-paths} opens listed operator paths (exactly those paths, not
 * what is under them) to every caller, e.g. {@code /v1/compress} for SDK clients on other machines.
 */
@ApplicationScoped
public class AdminAccess {
    /** Header a remote caller sends the admin token in (not Authorization: that carries the LLM key). */
    public static final String TOKEN_HEADER = "x-headroom-admin-token";
    /** Every operator endpoint: the path itself and everything under it. */
    public static final List<String> OPERATOR_PATHS = List.of("/v1/compress", "/v1/retrieve", "/stats",
            "/stats-history", "/mcp", "/metrics", "/cache", "/debug", "/v1/feedback", "/v1/toin", "/v1/telemetry");
    /** Higher runs first: ahead of the budget guard (60) and the Headroom route filter (50). */
    static final int PRIORITY = 100;

    private final Set<String> openPaths;
    private final boolean allowRemote;
    private final byte[] token;
    private final ClientAddress clients;
    private final OperatorHosts hosts;

    @Inject
    public AdminAccess(GatewayConfig gateway,
                       @ConfigProperty(name = "headroom.admin.allow-remote", defaultValue = "false") boolean allowRemote,
                       @ConfigProperty(name = "headroom.admin.token") Optional<String> token,
                       @ConfigProperty(name = "headroom.admin.allowed-hosts") Optional<List<String>> allowedHosts,
                       @ConfigProperty(name = "headroom.admin.allowed-origins") Optional<List<String>> allowedOrigins,
                       @ConfigProperty(name = "headroom.admin.open-paths") Optional<List<String>> openPaths) {
        this(allowRemote, token, ClientAddress.fromConfig(gateway),
                new OperatorHosts(allowedHosts.orElse(List.of()), allowedOrigins.orElse(List.of())),
                openPaths.orElse(List.of()));
    }

    AdminAccess(boolean allowRemote, Optional<String> token, ClientAddress clients, OperatorHosts hosts) {
        this(allowRemote, token, clients, hosts, List.of());
    }

    AdminAccess(boolean allowRemote, Optional<String> token, ClientAddress clients, OperatorHosts hosts,
                List<String> openPaths) {
        this.openPaths = validOpenPaths(openPaths);
        this.allowRemote = allowRemote;
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.clients = clients;
        this.hosts = hosts;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext rc) {
        if (!isOperatorPath(rc.normalizedPath()) || openPaths.contains(rc.normalizedPath())) {
            rc.next();
            return;
        }
        Optional<String> refusal = refusal(rc.request());
        if (refusal.isEmpty()) {
            rc.next();
        } else {
            ApiResponses.error(rc.response(), ErrorType.FORBIDDEN, rc.normalizedPath() + " " + refusal.get());
        }
    }

    /** Why {@code request} may not use an operator endpoint; empty when it may. Never quotes the token. */
    Optional<String> refusal(HttpServerRequest request) {
        if (!hosts.originAllowed(request.getHeader(HttpHeaders.ORIGIN))) {
            return Optional.of("refuses this Origin (loopback origins and headroom.admin.allowed-origins only)");
        }
        if (presentsToken(request.getHeader(TOKEN_HEADER))) {
            return Optional.empty();
        }
        if (!allowRemote && !clients.of(request).map(InetAddress::isLoopbackAddress).orElse(false)) {
            return Optional.of("accepts only loopback callers or callers presenting the admin token"
                    + " (headroom.admin.token, sent as " + TOKEN_HEADER + "); behind a reverse proxy set"
                    + " headroom.gateway.trusted-proxies");
        }
        String host = request.getHeader(HttpHeaders.HOST);
        if (!hosts.hostAllowed(host != null ? host : request.authority() == null ? null : request.authority().toString())) {
            return Optional.of("refuses this Host (loopback names and headroom.admin.allowed-hosts only)");
        }
        return Optional.empty();
    }

    /** True when an admin token is configured and the presented one equals it. */
    boolean presentsToken(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    boolean allowsRemote() {
        return allowRemote;
    }

    boolean hasToken() {
        return token != null;
    }

    ClientAddress clients() {
        return clients;
    }

    /** The operator paths opened to every caller by {@code headroom.admin.open-paths}. */
    Set<String> openPaths() {
        return openPaths;
    }

    /** A typo must not leave an endpoint guarded that the operator meant to open, silently: fail the start. */
    private static Set<String> validOpenPaths(List<String> configured) {
        Set<String> paths = configured.stream().map(String::strip).filter(p -> !p.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String path : paths) {
            if (!OPERATOR_PATHS.contains(path)) {
                throw new IllegalArgumentException("headroom.admin.open-paths: " + path + " is no operator endpoint;"
                        + " expected one of " + OPERATOR_PATHS);
            }
        }
        return paths;
    }

    static boolean isOperatorPath(String path) {
        if (path == null) {
            return false;
        }
        for (String p : OPERATOR_PATHS) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }
}
