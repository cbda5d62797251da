package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A CCR disk path that cannot be opened as a directory stops the application at startup, naming the property. */
class HeadroomInvalidDiskPathTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.ccr.disk-path", regularFile().toString())
            .assertException(t -> {
                Throwable c = t;
                while (c != null && !(c instanceof ConfigurationException)) {
                    c = c.getCause();
                }
                if (c == null) {
                    fail("expected a ConfigurationException, got " + t);
                }
                assertTrue(c.getMessage().contains("quarkus.headroom.ccr.disk-path"), c.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }

    /** A plain file where the store needs a directory. */
    private static Path regularFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target"));
            return Files.createTempFile(dir, "headroom-not-a-directory", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
