package io.headroom.sample;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request. The connection's peer decides, unless that peer is a configured trusted proxy: then
 * the configured forwarding header is walked from the right (the hop the nearest proxy appended) past every
 * trusted address, and the right-most untrusted hop is the client. Everything left of it was written by the
 * client and is never believed. A request relayed by an untrusted peer (it carries any forwarding header)
 * has no known client: a proxy on this machine must not make every caller look like loopback.
 *
 * <p>The peer is the TCP connection's, not {@code request.remoteAddress()}, which Quarkus rewrites from
 * forwarding headers when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
final class ClientAddress {
    private final List<AddressRange> trustedProxies;
    private final ForwardingHeader header;

    ClientAddress(List<AddressRange> trustedProxies, ForwardingHeader header) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.header = header;
    }

    /** The gateway's one rule for who a caller is: {@code headroom.gateway.trusted-proxies} and its header. */
    static ClientAddress fromConfig(GatewayConfig gateway) {
        return new ClientAddress(gateway.trustedProxies().orElse(List.of()).stream().map(AddressRange::parse).toList(),
                ForwardingHeader.of(gateway.clientAddressHeader()));
    }

    /** True when {@code request} comes from a known loopback client (never for a relayed, unknown one). */
    boolean isLoopback(HttpServerRequest request) {
        return of(request).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    boolean hasTrustedProxies() {
        return !trustedProxies.isEmpty();
    }

    /** The client of {@code request}; empty when it cannot be known. */
    Optional<InetAddress> of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        return resolve(peer == null ? null : peer.hostAddress(), request.headers()::getAll);
    }

    /**
     * @param peer    the connection's peer address literal, or null (unix socket, unknown)
     * @param headers every value of a request header, by name, case-insensitively
     */
    Optional<InetAddress> resolve(String peer, java.util.function.Function<String, List<String>> headers) {
        Optional<InetAddress> direct = IpLiterals.parse(peer);
        if (direct.isEmpty()) {
            return Optional.empty();
        }
        if (!trusted(direct.get())) {
            boolean relayed = ForwardingHeader.ALL_NAMES.stream().anyMatch(n -> !headers.apply(n).isEmpty());
            return relayed ? Optional.empty() : direct;
        }
        List<String> hops = header.hops(headers.apply(header.headerName()));
        if (hops.isEmpty()) {
            return direct; // the trusted proxy's own request
        }
        InetAddress client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty(); // "unknown", obfuscated or garbage: nothing left of it is believable
            }
            client = hop.get();
            if (!trusted(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client); // every hop is a trusted proxy: the left-most one made the request
    }

    private boolean trusted(InetAddress address) {
        for (AddressRange r : trustedProxies) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
