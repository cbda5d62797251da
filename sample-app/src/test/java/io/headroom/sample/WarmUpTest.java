package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    /** The samples are real work: each LLM shape is compressed, not passed through. */
    @Test
    void theSamplesAreCompressed() {
        try (Headroom h = Headroom.builder(HeadroomConfig.defaults()).build()) {
            long compressed = WarmUpRequests.all().stream()
                    .map(s -> h.process(s.endpoint(), s.body(), null))
                    .filter(RequestOutcome::compressed).count();
            assertEquals(3, compressed, "the three tool-output samples compress, the small one does not");
        }
    }

    /** Ready only after the warm-up ran, and the gateway's own Headroom saw none of it. */
    @Test
    void readyAfterTheBudgetWithTheGatewaysCountersUntouched() throws Exception {
        try (Headroom gateways = Headroom.builder(HeadroomConfig.defaults()).build()) {
            WarmUp warmUp = new WarmUp(gateways, Duration.ofSeconds(3));
            warmUp.start(null);
            assertFalse(warmUp.done(), "not ready before its budget ran out");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!warmUp.done() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(warmUp.done());
            assertEquals(0, gateways.stats().requestsTotal());
            assertEquals(0, gateways.stats().ccrEntries());
        }
    }

    @Test
    void zeroTurnsItOffAndNegativeIsRefused() {
        try (Headroom h = Headroom.builder(HeadroomConfig.defaults()).build()) {
            WarmUp off = new WarmUp(h, Duration.ZERO);
            off.start(null);
            assertTrue(off.done());
            assertThrows(IllegalArgumentException.class, () -> new WarmUp(h, Duration.ofSeconds(-1)));
        }
    }
}
