package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyStreamsTest {
    private static final byte[] BODY = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @Test
    void cachedStreamReturnsTheBodyAndThenEnd() throws IOException {
        CachedBodyInputStream in = new CachedBodyInputStream(BODY);
        assertFalse(in.isFinished());
        assertEquals('0', in.read());
        assertEquals(BODY.length - 1, in.available());
        assertArrayEquals(java.util.Arrays.copyOfRange(BODY, 1, BODY.length), readInChunks(in, 3));
        assertTrue(in.isFinished());
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4));
    }

    @Test
    void cachedStreamTellsAReadListenerEverythingIsThere() throws IOException {
        CachedBodyInputStream in = new CachedBodyInputStream(BODY);
        List<String> calls = new ArrayList<>();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                calls.add("data");
                while (in.isReady() && !in.isFinished()) {
                    read.write(in.read());
                }
            }

            @Override
            public void onAllDataRead() {
                calls.add("done");
            }

            @Override
            public void onError(Throwable t) {
                calls.add("error");
            }
        });
        assertEquals(List.of("data", "done"), calls);
        assertArrayEquals(BODY, read.toByteArray());
    }

    @Test
    void replayingStreamServesThePrefixThenTheRest() throws IOException {
        byte[] prefix = java.util.Arrays.copyOfRange(BODY, 0, 7);
        byte[] rest = java.util.Arrays.copyOfRange(BODY, 7, BODY.length);
        ReplayingInputStream in = new ReplayingInputStream(prefix, new CachedBodyInputStream(rest));
        assertTrue(in.isReady());
        assertEquals('0', in.read());
        assertArrayEquals(java.util.Arrays.copyOfRange(BODY, 1, BODY.length), readInChunks(in, 4));
        assertTrue(in.isFinished());
        assertEquals(-1, in.read());
    }

    @Test
    void replayingStreamWithEmptyRestIsJustThePrefix() throws IOException {
        ReplayingInputStream in = new ReplayingInputStream(BODY, new CachedBodyInputStream(new byte[0]));
        assertArrayEquals(BODY, in.readAllBytes());
        assertTrue(in.isFinished());
    }

    private static byte[] readInChunks(InputStream in, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[size];
        int n;
        while ((n = in.read(buf, 0, size)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
