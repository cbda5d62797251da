package io.headroom.sample;

import io.headroom.host.LoopbackCallers;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up warnings about who can reach the operator endpoints ({@link AdminAccess#OPERATOR_PATHS}).
 * Each names the setting that silences it; none is printed for the default (loopback, no proxy).
 */
final class ExposureWarnings {
    private ExposureWarnings() {
    }

    /**
     * @param bindHost          {@code quarkus.http.host}
     * @param allowRemote       {@code headroom.admin.allow-remote}
     * @param trustedProxies    whether {@code headroom.gateway.trusted-proxies} is set
     * @param quarkusForwarding {@code quarkus.http.proxy.proxy-address-forwarding}
     * @param proxyProtocol     {@code quarkus.http.proxy.use-proxy-protocol}
     * @param proxyToken        whether {@code headroom.proxy-token} ({@code HEADROOM_PROXY_TOKEN}) is set
     */
    static List<String> of(String bindHost, boolean allowRemote, boolean trustedProxies, boolean quarkusForwarding,
                           boolean proxyProtocol, boolean proxyToken) {
        List<String> warnings = new ArrayList<>();
        boolean beyondLoopback = !isLoopback(bindHost);
        if (beyondLoopback && !proxyToken) {
            // the original's event=proxy_open_bind: the Docker image's 0.0.0.0 with no token
            warnings.add("event=proxy_open_bind host=" + bindHost + " - the gateway is bound to a non-loopback"
                    + " interface with no HEADROOM_PROXY_TOKEN set; the /v1/* LLM routes are reachable WITHOUT"
                    + " authentication and forward with the callers' credentials. Set HEADROOM_PROXY_TOKEN"
                    + " (headroom.proxy-token) to require a bearer token from non-loopback callers.");
        }
        String operator = String.join(", ", AdminAccess.OPERATOR_PATHS);
        if (beyondLoopback && allowRemote) {
            warnings.add("listening on " + bindHost + " with headroom.admin.allow-remote=true: the operator endpoints ("
                    + operator + ") serve cached originals and usage to every client that reaches this port;"
                    + " prefer headroom.admin.token");
        }
        if (beyondLoopback && !trustedProxies) {
            warnings.add("listening on " + bindHost + " without headroom.gateway.trusted-proxies: forwarding headers"
                    + " (Forwarded, X-Forwarded-For, X-Real-IP) are not believed and requests relayed by a reverse"
                    + " proxy are refused the operator endpoints; set it to the proxies' addresses if one fronts"
                    + " the gateway");
        }
        if (quarkusForwarding) {
            warnings.add("quarkus.http.proxy.proxy-address-forwarding=true is not used for operator access: the"
                    + " gateway decides from the connection's peer and headroom.gateway.trusted-proxies");
        }
        if (proxyProtocol) {
            warnings.add("quarkus.http.proxy.use-proxy-protocol=true: every connection's PROXY header sets the peer"
                    + " address; only a load balancer may be able to reach this port");
        }
        return warnings;
    }

    /** The same loopback rule as the operator endpoints' Host check ({@link OperatorHosts}). */
    private static boolean isLoopback(String bindHost) {
        return LoopbackCallers.hostPart(bindHost).map(OperatorHosts::isLoopbackName).orElse(false);
    }
}
