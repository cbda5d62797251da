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
}
