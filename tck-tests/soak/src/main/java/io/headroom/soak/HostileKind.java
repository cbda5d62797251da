package io.headroom.soak;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

/** One kind of hostile request; {@link #send} returns the outcome label it is counted under. */
interface HostileKind {
    String name();

    String send(Target target);

    /**
     * Where hostile requests go. {@code remotePeer} is a non-loopback address of this machine (null when
     * there is none or the gateway listens on loopback only), from which a connection to
     * {@code remoteTarget} reaches the gateway as a non-loopback client.
     */
    record Target(InetSocketAddress loopback, InetAddress remotePeer, InetSocketAddress remoteTarget,
                  long holdMillis, ScheduledExecutorService timer, HashLedger ledger) {
        String hostHeader() {
            return "Host: 127.0.0.1:" + loopback.getPort();
        }
    }

    /** Opens a loopback connection, or answers why not. */
    static RawConnection open(Target t) {
        return RawConnection.open(null, t.loopback(), t.holdMillis(), t.timer());
    }

    /** What a hostile kind writes after the request head: its body, all at once or however it likes. */
    interface BodyWriter {
        void write(RawConnection c);
    }

    /**
     * POSTs a chat request over a loopback connection: the head with {@code headers} (each "Name: value"),
     * then whatever {@code body} writes; returns the outcome label of the gateway's reaction.
     */
    static String postChat(Target t, BodyWriter body, String... headers) {
        try (RawConnection c = open(t)) {
            if (c == null) {
                return "connect-failed";
            }
            String[] lines = new String[headers.length + 1];
            lines[0] = t.hostHeader();
            System.arraycopy(headers, 0, lines, 1, headers.length);
            c.write(RawConnection.head("POST", "/v1/chat/completions", lines));
            body.write(c);
            return c.awaitAnswer().label();
        }
    }
}
