package io.headroom.sample;

import io.headroom.host.LoopbackCallers;
import java.net.InetAddress;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Host and Origin rules of the operator endpoints, against DNS rebinding: a page on an attacker's
 * domain that resolves to 127.0.0.1 sends {@code Host: evil.example} and {@code Origin: http://evil.example},
 * so neither "the peer is loopback" nor "the Origin equals the Host" proves the caller is local. Accepted
 * are loopback names only ({@code localhost}, {@code 127.0.0.1} and the rest of 127/8, {@code [::1]}) plus
 * the configured {@code headroom.admin.allowed-hosts} / {@code headroom.admin.allowed-origins}.
 */
final class OperatorHosts {
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    OperatorHosts(Collection<String> allowedHosts, Collection<String> allowedOrigins) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = allowedOrigins.stream().map(OperatorHosts::normalizedOrigin)
                .filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the {@code Host} (or HTTP/2 authority) names this machine's loopback or an allowed host. */
    boolean hostAllowed(String hostHeader) {
        Optional<String> host = LoopbackCallers.hostPart(hostHeader);
        return host.isPresent() && (isLoopbackName(host.get()) || allowedHosts.contains(host.get()));
    }

    /** True when there is no {@code Origin} (not a browser) or it is a loopback origin or an allowed one. */
    boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String host;
        try {
            host = URI.create(origin.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false; // "null" (sandboxed pages, files) is nobody we know
        }
        return isLoopbackName(unbracketed(host.toLowerCase(Locale.ROOT)))
                || allowedOrigins.contains(normalizedOrigin(origin));
    }

    /** True for {@code localhost} and loopback IP literals; {@code host} as {@link LoopbackCallers#hostPart} gives it. */
    static boolean isLoopbackName(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        Optional<InetAddress> literal = IpLiterals.parse(host.contains(":") ? "[" + host + "]" : host);
        return literal.isPresent() && literal.get().isLoopbackAddress();
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalizedOrigin(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
