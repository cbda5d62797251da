package io.headroom.sample;

import io.headroom.core.ErrorType;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the retrieve and admin endpoints: they hand out cached originals (tool outputs with whatever
 * they contain) and usage figures, so only callers on this machine may use them unless
 * {@code headroom.admin.allow-remote=true}. The peer address of the connection decides; forwarding
 * headers are not trusted.
 */
@ApplicationScoped
public class AdminAccess {
    private final boolean allowRemote;

    public AdminAccess(@ConfigProperty(name = "headroom.admin.allow-remote", defaultValue = "false")
                       boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    /** A route handler that answers 403 forbidden to non-loopback callers, before any body is read. */
    public Handler<RoutingContext> loopbackOnly() {
        return rc -> {
            if (allowRemote || isLoopback(rc.request().remoteAddress())) {
                rc.next();
            } else {
                ApiResponses.error(rc.response(), ErrorType.FORBIDDEN, rc.request().path()
                        + " accepts only loopback callers (set headroom.admin.allow-remote=true to allow others)");
            }
        };
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
