package io.headroom.tck.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.conformance.LlmRequests;
import io.headroom.tck.spring.HeadroomConfiguration;
import io.headroom.tck.spring.RunningApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link Headroom} bean of {@link HeadroomConfiguration} follows the application's life. */
class SpringLifecycleTest {

    @Test
    void invalidOptionStopsStartUpWithItsName() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> RunningApp.start(LlmBackendApplication.class, "headroom.max-body-bytes=-1").close());
        HeadroomException cause = headroomCause(failure);
        assertTrue(cause.getMessage().contains("max-body-bytes"), cause.getMessage());
    }

    /**
     * Ehcache keeps a disk tier only when its store was closed cleanly, so an original stored while the
     * application ran is still retrievable after the application stopped only if Spring closed the bean.
     */
    @Test
    void headroomIsClosedWhenTheApplicationStops(@TempDir Path ccrDir) throws Exception {
        String hash;
        try (RunningApp app = RunningApp.start(LlmBackendApplication.class, "headroom.ccr.disk-path=" + ccrDir)) {
            Headroom headroom = app.context().getBean(Headroom.class);
            CompressResult result = headroom.compress(new ObjectMapper().readTree(LlmRequests.openAiChat()));
            assertFalse(result.ccrHashes().isEmpty(), "nothing was stored in CCR");
            hash = result.ccrHashes().get(0);
        }
        try (Headroom restarted = Headroom.create(HeadroomConfig.builder().ccrDiskPath(ccrDir).build())) {
            assertEquals(LlmRequests.logs(), restarted.retrieve(hash, null).originalContent());
        }
    }

    private static HeadroomException headroomCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HeadroomException headroom) {
                return headroom;
            }
        }
        throw new AssertionError("start-up failed, but not on the Headroom configuration", failure);
    }
}
