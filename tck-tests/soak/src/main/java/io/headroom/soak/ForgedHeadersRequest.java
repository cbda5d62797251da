package io.headroom.soak;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests to operator endpoints (/stats, /v1/retrieve*) that must not get operator access: a
 * DNS-rebinding page on loopback (forged Host and Origin), and a non-loopback client claiming to be
 * loopback through X-Forwarded-For, X-Real-IP, Forwarded or a PROXY protocol line. Each send uses the
 * next variant; a 2xx answer (or a 404 from the retrieve lookup) is counted as {@code granted-<status>},
 * the failure this kind looks for.
 */
final class ForgedHeadersRequest implements HostileKind {
    static final String GRANTED = "granted-";

    private record Variant(String name, boolean fromRemotePeer, java.util.function.Function<Target, byte[]> request) {
    }

    private final List<Variant> variants = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    ForgedHeadersRequest(boolean remotePeerAvailable) {
        variants.add(new Variant("origin-stats", false, t -> RawConnection.head("GET", "/stats",
                "Host: evil.example", "Origin: http://evil.example")));
        variants.add(new Variant("rebinding-retrieve", false, ForgedHeadersRequest::rebindingRetrieve));
        if (remotePeerAvailable) {
            variants.add(new Variant("forwarded-for-stats", true, t -> RawConnection.head("GET", "/stats",
                    "Host: localhost:" + t.loopback().getPort(), "X-Forwarded-For: 127.0.0.1",
                    "X-Real-IP: 127.0.0.1", "Forwarded: for=127.0.0.1;host=localhost")));
            variants.add(new Variant("forwarded-for-chain-retrieve-stats", true, t -> RawConnection.head("GET",
                    "/v1/retrieve/stats", "Host: 127.0.0.1:" + t.loopback().getPort(),
                    "X-Forwarded-For: 127.0.0.1, 203.0.113.9")));
            variants.add(new Variant("proxy-protocol-stats", true, t -> concat(
                    ("PROXY TCP4 127.0.0.1 127.0.0.1 40000 " + t.loopback().getPort() + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1),
                    RawConnection.head("GET", "/stats", "Host: 127.0.0.1:" + t.loopback().getPort()))));
        }
    }

    /** A real hash with its owner's credential, from a page whose Host and Origin are the attacker's name. */
    private static byte[] rebindingRetrieve(Target t) {
        HashLedger.Entry e = t.ledger().any();
        String origin = "rebind.example:" + t.loopback().getPort();
        if (e == null) {
            return RawConnection.head("GET", "/v1/retrieve/stats", "Host: " + origin, "Origin: http://" + origin);
        }
        byte[] body = ("{\"hash\":\"" + e.hash() + "\"}").getBytes(StandardCharsets.UTF_8);
        return concat(RawConnection.head("POST", "/v1/retrieve", "Host: " + origin, "Origin: http://" + origin,
                e.owner().header() + ": " + e.owner().value(), "Content-Type: application/json",
                "Content-Length: " + body.length), body);
    }

    @Override
    public String name() {
        return "forged-headers";
    }

    @Override
    public String send(Target t) {
        Variant v = variants.get(Math.floorMod(next.getAndIncrement(), variants.size()));
        InetSocketAddress target = v.fromRemotePeer() ? t.remoteTarget() : t.loopback();
        try (RawConnection c = RawConnection.open(v.fromRemotePeer() ? t.remotePeer() : null, target,
                t.holdMillis(), t.timer())) {
            if (c == null) {
                return v.name() + ":connect-failed";
            }
            c.write(v.request().apply(t));
            RawConnection.Outcome o = c.awaitAnswer();
            if (o.end() == RawConnection.End.ANSWERED) {
                // a 404 from POST /v1/retrieve means the guard let the request through to the lookup
                boolean granted = o.status() >= 200 && o.status() < 300
                        || o.status() == 404 && v.name().equals("rebinding-retrieve");
                return v.name() + ":" + (granted ? GRANTED : "refused-") + o.status();
            }
            return v.name() + ":" + o.label();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
