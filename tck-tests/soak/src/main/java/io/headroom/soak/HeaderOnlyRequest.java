package io.headroom.soak;

/**
 * Declares a 50 MB body and sends none of it, then waits: the gateway must not reserve memory for
 * bytes that never arrive, and must close the connection after its read timeout.
 */
final class HeaderOnlyRequest implements HostileKind {
    static final long DECLARED = 50L * 1024 * 1024;

    @Override
    public String name() {
        return "header-only";
    }

    @Override
    public String send(Target t) {
        try (RawConnection c = HostileKind.open(t)) {
            if (c == null) {
                return "connect-failed";
            }
            c.write(RawConnection.head("POST", "/v1/chat/completions", t.hostHeader(),
                    "Content-Type: application/json", "Authorization: Bearer sk-hostile-header-only",
                    "Content-Length: " + DECLARED));
            return c.awaitAnswer().label();
        }
    }
}
