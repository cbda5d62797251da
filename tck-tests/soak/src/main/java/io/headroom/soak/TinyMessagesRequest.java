package io.headroom.soak;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A chat request of a million tiny messages (about 34 MB): legal JSON under the body limit whose cost
 * must stay linear, bounded by the compression deadline, and not starve small requests.
 */
final class TinyMessagesRequest implements HostileKind {
    private final byte[] body;

    TinyMessagesRequest(int messages) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(messages * 34 + 64);
        b.writeBytes("{\"model\":\"gpt-4o\",\"messages\":[".getBytes(StandardCharsets.UTF_8));
        byte[] user = "{\"role\":\"user\",\"content\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        byte[] assistant = "{\"role\":\"assistant\",\"content\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < messages; i++) {
            if (i > 0) {
                b.write(',');
            }
            b.writeBytes(i % 2 == 0 ? user : assistant);
        }
        b.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        this.body = b.toByteArray();
    }

    int bodyBytes() {
        return body.length;
    }

    @Override
    public String name() {
        return "tiny-messages";
    }

    @Override
    public String send(Target t) {
        return HostileKind.postChat(t, c -> c.write(body), "Content-Type: application/json",
                "Authorization: Bearer sk-hostile-tiny", "x-soak-id: hostile-tiny", "Content-Length: " + body.length);
    }
}
