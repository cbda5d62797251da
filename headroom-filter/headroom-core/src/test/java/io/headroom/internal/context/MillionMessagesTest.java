package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: a million tiny messages (38 MB) are fitted into the context window in a JVM with a
 * 1 GB heap. Before context management was made linear, the forward-reference scoring alone needed a
 * bitmap of every message per unit, and this request ran out of a 4 GB heap. Runs in a child JVM so
 * the heap bound is real; the time it takes is not asserted.
 */
class MillionMessagesTest {
    static final int MESSAGES = 1_000_000;

    @Test
    void fitsInABoundedHeap(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(java, "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MillionMessagesTest.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = child.waitFor(15, TimeUnit.MINUTES);
        if (!done) child.destroyForcibly();
        String output = Files.readString(log);
        assertEquals(0, done ? child.exitValue() : -1, output);
        assertEquals("fitted", output.strip().lines().reduce((a, b) -> b).orElse(""), output);
    }

    /** The child: exits 0 and prints "fitted" when the request came back with turns dropped. */
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder(40 * MESSAGES).append("{\"model\":\"gpt-4o\",\"messages\":[");
        for (int i = 0; i < MESSAGES; i++) {
            if (i > 0) sb.append(',');
            sb.append(i % 2 == 0 ? "{\"role\":\"user\",\"content\":\"q" : "{\"role\":\"assistant\",\"content\":\"a")
                    .append(i).append("\"}");
        }
        byte[] body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        sb = null;
        HeadroomConfig config = HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(64L << 20).compressionDeadlineMs(3_600_000)).build();
        try (Headroom headroom = Headroom.create(config)) {
            RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);
            if (outcome.failedOpen() || !outcome.compressed() || outcome.body().length >= body.length / 10) {
                System.out.println("not fitted: " + outcome.transformsApplied() + " failedOpen=" + outcome.failedOpen());
                System.exit(1);
            }
        }
        System.out.println("fitted");
    }
}
