package io.headroom.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The access rule of every host's stats endpoint (operator data): the caller must be this machine and must say so.
 * The peer address must be a loopback IP, and the {@code Host} (or HTTP/2 {@code :authority}) must name loopback too
 * ({@code localhost}, {@code 127.0.0.1} and the rest of 127/8, {@code [::1]}): a DNS-rebinding page on an attacker's
 * domain resolving to 127.0.0.1 connects from loopback but sends its own name. Never resolves a name.
 */
public final class LoopbackCallers {
    private LoopbackCallers() {
    }

    /**
     * @param remoteAddress the peer's IP literal as the server reports it (e.g. {@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1})
     * @param host the {@code Host} header or server name, with or without port and brackets
     */
    public static boolean allowed(String remoteAddress, String host) {
        return isLoopbackAddress(remoteAddress) && isLoopbackHost(host);
    }

    /** True when {@code address} is a loopback IP literal; a name (anything else) is false, never looked up. */
    public static boolean isLoopbackAddress(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        return literal(a).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** True when a {@code Host} header value (port and brackets allowed) names this machine's loopback. */
    public static boolean isLoopbackHost(String hostHeader) {
        Optional<String> host = hostPart(hostHeader);
        return host.isPresent() && (host.get().equals("localhost") || isLoopbackAddress(host.get()));
    }

    /** The host of a Host header value, lower case, without port and brackets; a bare IPv6 literal stays whole. */
    public static Optional<String> hostPart(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? Optional.empty() : Optional.of(h.substring(1, close));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            h = h.substring(0, colon);
        }
        return h.isEmpty() ? Optional.empty() : Optional.of(h);
    }

    private static Optional<InetAddress> literal(String s) {
        if (s.indexOf(':') >= 0) {
            // a string with a colon is parsed as an IPv6 literal by InetAddress, never resolved; zones are refused
            if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return Optional.empty();
            }
            return parsed(s);
        }
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return Optional.empty(); // not a dotted quad: InetAddress would look it up as a name
            }
        }
        return parsed(s);
    }

    private static Optional<InetAddress> parsed(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
