package io.headroom.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header a trusted reverse proxy records the client address in ({@code headroom.gateway.client-address-header}).
 * Exactly one is read, because a proxy appends to the one it uses and passes the others on as the client
 * sent them: reading a second header would read what the client forged.
 */
public enum ForwardingHeader {
    /** RFC 7239 {@code Forwarded: for=...}. */
    FORWARDED("Forwarded"),
    /** {@code X-Forwarded-For: client, proxy1, proxy2}. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** {@code X-Real-IP: client} (nginx's real_ip convention). */
    X_REAL_IP("X-Real-IP");

    /** Every header name that marks a request as relayed by a proxy. */
    static final List<String> ALL_NAMES = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private final String headerName;

    ForwardingHeader(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /** Parses the configured name ({@code forwarded}, {@code x-forwarded-for}, {@code x-real-ip}), any case. */
    public static ForwardingHeader of(String name) {
        for (ForwardingHeader h : values()) {
            if (h.headerName.equalsIgnoreCase(name.strip())) {
                return h;
            }
        }
        throw new IllegalArgumentException("headroom.gateway.client-address-header must be one of "
                + ALL_NAMES + ", got '" + name + "'");
    }

    /** The node tokens of every occurrence of this header, client side first (left to right). */
    List<String> hops(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                if (this == FORWARDED) {
                    hops.add(forNode(element));
                } else {
                    hops.add(element.strip());
                }
            }
        }
        return hops;
    }

    /** The {@code for=} node of one Forwarded element, or "" when it names none (counts as an unknown hop). */
    private static String forNode(String element) {
        for (String pair : element.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(eq + 1).strip();
            }
        }
        return "";
    }
}
