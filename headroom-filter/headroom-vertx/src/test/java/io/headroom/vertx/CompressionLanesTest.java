package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Huge bodies cannot hold up a normal request: they wait in a lane of their own. */
class CompressionLanesTest {
    private static final int HUGE = 34 * 1024 * 1024;   // a million tiny messages
    private static final int NORMAL = 141 * 1024;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a141KbRequestIsProcessedWhileTheHugeLaneIsSaturated() throws Exception {
        CompressionLanes lanes = new CompressionLanes(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> huge = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // more than every worker of both Headroom pools together
            huge.add(lanes.run(vertx, HUGE, () -> {
                release.await();
                return "huge";
            }));
        }
        try {
            String normal = lanes.run(vertx, NORMAL, () -> "normal")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("normal", normal);
            huge.forEach(f -> assertFalse(f.isComplete(), "the huge bodies were still blocked meanwhile"));
        } finally {
            release.countDown();
        }
        for (Future<String> f : huge) {
            assertEquals("huge", f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
    }
}
