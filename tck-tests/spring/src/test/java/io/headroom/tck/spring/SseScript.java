package io.headroom.tck.spring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The event stream both stubs (the Spring controller and the gateway's upstream) answer with: the report
 * of the received request, then two more events, each after a pause a buffering host would swallow.
 */
public final class SseScript {
    public static final Duration PAUSE = Duration.ofMillis(1500);

    private SseScript() {
    }

    /** The data of each event, in order. */
    public static List<String> events(byte[] report) {
        return List.of(new String(report, StandardCharsets.UTF_8), "{\"id\":2}", "[DONE]");
    }

    public static void pause() throws InterruptedException {
        Thread.sleep(PAUSE.toMillis());
    }
}
