package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
    private static final byte[] BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void bodyBelowTheLimitIsReadCompletely() throws IOException {
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(BODY), 1024);
        assertTrue(body.complete());
        assertArrayEquals(BODY, body.bytes());
    }

    @Test
    void bodyExactlyAtTheLimitIsComplete() throws IOException {
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(BODY), BODY.length);
        assertTrue(body.complete());
        assertArrayEquals(BODY, body.bytes());
    }

    @Test
    void bodyAboveTheLimitKeepsOnlyTheConsumedPrefix() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(BODY);
        BoundedBody body = BoundedBody.read(in, 10);
        assertFalse(body.complete());
        assertEquals(11, body.bytes().length);
        assertEquals(BODY.length - 11, in.available(), "the rest stays in the stream");
    }

    @Test
    void memoryFollowsTheBytesReceivedNotTheLimit() throws IOException {
        // a buffer sized from the limit would need 2 GiB here and fail the test with an OutOfMemoryError
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(BODY), Long.MAX_VALUE);
        assertTrue(body.complete());
        assertArrayEquals(BODY, body.bytes());
    }

    @Test
    void emptyBodyIsComplete() throws IOException {
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[0]), 10);
        assertTrue(body.complete());
        assertEquals(0, body.bytes().length);
    }
}
