package io.headroom.sample;

import java.net.InetAddress;

/**
 * One entry of an address list: a single IP literal or a CIDR block ({@code 10.0.0.0/8},
 * {@code fd00::/8}). IPv4-mapped IPv6 addresses match the IPv4 ranges they map to.
 */
record AddressRange(byte[] network, int prefixBits) {

    /** Parses {@code 203.0.113.7}, {@code 10.0.0.0/8}, {@code ::1} or {@code fd00::/8}. */
    static AddressRange parse(String spec) {
        String s = spec.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress parsed = IpLiterals.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "not an IP address or CIDR block: '" + spec + "' (host names are not resolved)"));
        byte[] network = parsed.getAddress();
        int maxBits = network.length * 8;
        int bits;
        try {
            bits = slash < 0 ? maxBits : Integer.parseInt(s.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
        }
        if (bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException("prefix length out of range in '" + spec + "'");
        }
        return new AddressRange(network, bits);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = unmapped(address.getAddress());
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else the bytes as they are. */
    private static byte[] unmapped(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return a;
            }
        }
        if (a[10] != (byte) 0xFF || a[11] != (byte) 0xFF) {
            return a;
        }
        return new byte[] {a[12], a[13], a[14], a[15]};
    }
}
