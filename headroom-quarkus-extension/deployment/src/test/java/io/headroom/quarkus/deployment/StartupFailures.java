package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

/** Assertions on why an application refused to start. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** Some message along the cause chain names {@code text} (typically the offending property). */
    static Consumer<Throwable> mentioning(String text) {
        return t -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable c = t; c != null; c = c.getCause()) {
                messages.append(c.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains(text), messages.toString());
        };
    }
}
