package io.headroom.tck.spring.boot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.HeadroomException;
import io.headroom.tck.spring.RunningApp;
import org.junit.jupiter.api.Test;

/** A wrong {@code headroom.*} property stops the application's start-up, naming the option. */
class SpringMisconfigurationTest {

    @Test
    void invalidOptionStopsStartUpWithItsName() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> RunningApp.start(LlmBackendApplication.class, "headroom.max-body-bytes=-1").close());
        HeadroomException cause = rootHeadroomException(failure);
        assertTrue(cause.getMessage().contains("max-body-bytes"), cause.getMessage());
    }

    private static HeadroomException rootHeadroomException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HeadroomException headroom) {
                return headroom;
            }
        }
        throw new AssertionError("start-up failed, but not on the Headroom configuration", failure);
    }
}
