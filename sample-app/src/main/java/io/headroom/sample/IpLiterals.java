package io.headroom.sample;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses IP address literals as they appear in socket addresses and forwarding headers ({@code 192.0.2.7},
 * {@code 192.0.2.7:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}, quoted). Never resolves a name:
 * anything that is not a literal (a host name, {@code unknown}, an obfuscated {@code _node}) is empty.
 */
final class IpLiterals {
    private IpLiterals() {
    }

    /** The address of one node token, without port, brackets or quotes; empty when it is no IP literal. */
    static Optional<InetAddress> parse(String node) {
        if (node == null) {
            return Optional.empty();
        }
        String s = node.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            s = s.substring(1, close);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port; a bare IPv6 has several colons
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(s.toLowerCase(Locale.ROOT)));
    }
}
