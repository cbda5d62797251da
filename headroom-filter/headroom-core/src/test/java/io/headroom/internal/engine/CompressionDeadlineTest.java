package io.headroom.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.LlmRequests;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.HeadroomHeaders;
import io.headroom.internal.route.ContentRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-request compression deadline (issue 13 item 2): a router that takes longer than the deadline
 * stands in for pathological input. It sleeps, so the deadline has certainly passed when it returns; no
 * assertion depends on how long anything took.
 */
class CompressionDeadlineTest {
    private static final HeadroomConfig ONE_MS = HeadroomConfig.defaults().toBuilder()
            .limits(l -> l.compressionDeadlineMs(1)).build();

    @Test
    void pastTheDeadlineTheOriginalGoesOnAndIsCounted() {
        AtomicInteger routed = new AtomicInteger();
        ContentRouter real = ContentRouter.create(ONE_MS);
        List<RequestOutcome> heard = new ArrayList<>();
        byte[] body = LlmRequests.openAiChat();
        try (HeadroomEngine h = HeadroomEngine.withRouter(ONE_MS, (e, m, o, n) -> heard.add(o), (content, context) -> {
            routed.incrementAndGet();
            sleep(20);
            return real.route(content, context);
        })) {
            RequestOutcome outcome = h.process(Endpoint.OPENAI_CHAT, body, null);

            assertTrue(routed.get() <= 1, "checked before each compression: nothing more was started");
            assertSame(body, outcome.body());
            assertTrue(outcome.deadlineExceeded());
            assertFalse(outcome.compressed());
            assertFalse(outcome.bodyChanged());
            assertFalse(outcome.failedOpen());
            assertEquals("false", HeadroomHeaders.of(outcome).get(HeadroomHeaders.COMPRESSED));
            assertEquals(List.of(outcome), heard, "the listener sees the pass");
            assertEquals(1, h.stats().requestsOverDeadline());
            assertEquals(0, h.stats().requestsCompressed());
        }
    }

    @Test
    void withinTheDeadlineTheSameRequestIsCompressed() {
        HeadroomConfig generous = HeadroomConfig.defaults().toBuilder().limits(l -> l.compressionDeadlineMs(600_000)).build();
        try (HeadroomEngine h = HeadroomEngine.withRouter(generous, null, ContentRouter.create(generous)::route)) {
            RequestOutcome outcome = h.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), Mode.OPTIMIZE);
            assertTrue(outcome.compressed());
            assertFalse(outcome.deadlineExceeded());
            assertEquals(0, h.stats().requestsOverDeadline());
        }
    }

    @Test
    void compressEndpointSaysSoInsteadOfAnsweringHalfDone() {
        ContentRouter real = ContentRouter.create(ONE_MS);
        try (HeadroomEngine h = HeadroomEngine.withRouter(ONE_MS, null, (content, context) -> {
            sleep(20);
            return real.route(content, context);
        })) {
            JsonNode request = LlmRequests.parse(LlmRequests.openAiChat());
            HeadroomException e = assertThrows(HeadroomException.class, () -> h.compress(request));
            assertEquals(ErrorType.TRANSFORM_ERROR, e.type());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
