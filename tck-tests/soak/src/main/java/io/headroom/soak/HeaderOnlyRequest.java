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
        return HostileKind.postChat(t, c -> { }, "Content-Type: application/json",
                "Authorization: Bearer sk-hostile-header-only", "Content-Length: " + DECLARED);
    }
}
