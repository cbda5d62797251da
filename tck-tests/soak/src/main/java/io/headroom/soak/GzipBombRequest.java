package io.headroom.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip body ({@code Content-Encoding: gzip}) of a few MB that expands to gigabytes of JSON string: the
 * gateway must stop decoding at its limit and answer (fail open or 413), never inflate it whole.
 */
final class GzipBombRequest implements HostileKind {
    private final byte[] body;

    GzipBombRequest(int expandedMb) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"tool\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] mb = new byte[1024 * 1024];
            Arrays.fill(mb, (byte) 'a');
            for (int i = 0; i < expandedMb; i++) {
                gz.write(mb);
            }
            gz.write("\"}]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.body = compressed.toByteArray();
    }

    int bodyBytes() {
        return body.length;
    }

    @Override
    public String name() {
        return "gzip-bomb";
    }

    @Override
    public String send(Target t) {
        return HostileKind.postChat(t, c -> c.write(body), "Content-Type: application/json", "Content-Encoding: gzip",
                "Authorization: Bearer sk-hostile-bomb", "x-soak-id: hostile-bomb", "Content-Length: " + body.length);
    }
}
