package io.headroom.sample;

import io.headroom.ErrorType;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the retrieve and admin endpoints: they hand out cached originals (tool outputs with whatever
 * they contain) and usage figures, so only callers on this machine may use them unless
 * {@code headroom.admin.allow-remote=true}, or unless the caller presents the opt-in admin token
 * ({@code headroom.admin.token}) in the {@value #TOKEN_HEADER} header. The peer address of the
 * connection decides; forwarding headers are not trusted. The token is compared in constant time and
 * never logged.
 */
@ApplicationScoped
public class AdminAccess {
    /** Header a remote caller sends the admin token in (not Authorization: that carries the LLM key). */
    public static final String TOKEN_HEADER = "x-headroom-admin-token";

    private final boolean allowRemote;
    private final byte[] token;

    public AdminAccess(@ConfigProperty(name = "headroom.admin.allow-remote", defaultValue = "false")
                       boolean allowRemote,
                       @ConfigProperty(name = "headroom.admin.token") Optional<String> token) {
        this.allowRemote = allowRemote;
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** A route handler that answers 403 forbidden to non-loopback callers, before any body is read. */
    public Handler<RoutingContext> loopbackOnly() {
        return rc -> {
            if (allowRemote || isLoopback(rc.request().remoteAddress()) || presentsToken(rc.request().getHeader(TOKEN_HEADER))) {
                rc.next();
            } else {
                ApiResponses.error(rc.response(), ErrorType.FORBIDDEN, rc.request().path()
                        + " accepts only loopback callers or callers presenting the admin token"
                        + " (headroom.admin.token, sent as " + TOKEN_HEADER + ")");
            }
        };
    }

    /** True when an admin token is configured and the presented one equals it. */
    boolean presentsToken(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** True for 127.0.0.0/8 and ::1 (also IPv4-mapped); false for anything else or an unknown peer. */
    static boolean isLoopback(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null || peer.hostAddress().isEmpty()) {
            return false;
        }
        String host = peer.hostAddress();
        if (!host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')) {
            return false; // only literal addresses: never resolve a name here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
