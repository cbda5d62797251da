package io.headroom.soak;

import java.nio.charset.StandardCharsets;

/**
 * Sends a small JSON body one byte a second: the gateway must close the connection after its read
 * timeout instead of holding a connection (and a body buffer) for as long as the sender likes.
 */
final class SlowSenderRequest implements HostileKind {
    private static final byte[] BODY = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + "x".repeat(4000) + "\"}]}").getBytes(StandardCharsets.UTF_8);

    @Override
    public String name() {
        return "slow-sender";
    }

    @Override
    public String send(Target t) {
        return HostileKind.postChat(t, c -> {
            for (byte b : BODY) {
                if (c.timedOut() || !c.write(new byte[] {b}) || c.reacted(1_000)) {
                    break;
                }
            }
        }, "Content-Type: application/json", "Authorization: Bearer sk-hostile-slow", "Content-Length: " + BODY.length);
    }
}
