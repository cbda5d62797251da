package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The detector's parse reaches the compressor only for the very same string on the same thread, once. */
class LastParseTest {
    private final LastParse<Object> last = new LastParse<>();

    @Test
    void theSameStringOnTheSameThreadGetsTheParseOnce() {
        String content = "<r><a/></r>";
        Object parsed = new Object();
        last.remember(content, parsed);
        assertSame(parsed, last.take(content));
        assertNull(last.take(content), "taken: a second compressor parses for itself");
    }

    @Test
    void anEqualButOtherStringOrAnotherThreadMisses() throws Exception {
        String content = "<r><a/></r>";
        last.remember(content, new Object());
        assertNull(last.take(new String(content)));
        last.remember(content, new Object());
        assertNull(CompletableFuture.supplyAsync(() -> last.take(content)).get());
    }
}
