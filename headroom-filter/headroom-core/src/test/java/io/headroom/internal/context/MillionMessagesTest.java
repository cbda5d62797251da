package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.host.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: work and heap per request are bounded. Before context management was made linear,
 * the forward-reference scoring alone needed a bitmap of every message per unit, and a million tiny
 * messages ran out of a 4 GB heap. Now the largest conversation the token cap admits
 * ({@link JsonCodec#MAX_TOKEN_COUNT}, about 166,000 such messages) is fitted into the context window
 * in a 512 MB heap, and a million messages are forwarded as sent without being built into a tree. Runs
 * in a child JVM so the heap bound is real; the time it takes is not asserted.
 */
class MillionMessagesTest {
    /** Six tokens a message, five for the envelope: the most the token cap admits. */
    static final int MOST_ADMITTED = (int) ((JsonCodec.MAX_TOKEN_COUNT - 5 - 4) / 6);

    @Test
    void theLargestAdmittedConversationIsFittedInABoundedHeap(@TempDir Path dir) throws Exception {
        assertEquals("fitted", runChild(dir, MOST_ADMITTED));
    }

    @Test
    void aMillionMessagesGoOnAsSentInABoundedHeap(@TempDir Path dir) throws Exception {
        assertEquals("as sent", runChild(dir, 1_000_000));
    }

    /** The child's verdict (its last line), after asserting it exited 0. */
    private static String runChild(Path dir, int messages) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MillionMessagesTest.class.getName(),
                Integer.toString(messages)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = child.waitFor(15, TimeUnit.MINUTES);
        if (!done) child.destroyForcibly();
        String output = Files.readString(log);
        assertEquals(0, done ? child.exitValue() : -1, output);
        return output.strip().lines().reduce((a, b) -> b).orElse("");
    }

    /**
     * The child: builds a chat request of {@code args[0]} tiny messages and prints "fitted" when it came
     * back with turns dropped, "as sent" when it came back byte for byte unchanged; exits 1 otherwise.
     */
    public static void main(String[] args) {
        int messages = Integer.parseInt(args[0]);
        StringBuilder sb = new StringBuilder(40 * messages).append("{\"model\":\"gpt-4o\",\"messages\":[");
        for (int i = 0; i < messages; i++) {
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
            if (!outcome.failedOpen() && outcome.compressed() && outcome.body().length < body.length / 2) {
                System.out.println("fitted");
            } else if (!outcome.failedOpen() && !outcome.bodyChanged() && Arrays.equals(body, outcome.body())) {
                System.out.println("as sent");
            } else {
                System.out.println("neither fitted nor as sent: " + outcome.transformsApplied()
                        + " failedOpen=" + outcome.failedOpen());
                System.exit(1);
            }
        }
    }
}
