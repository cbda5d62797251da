package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrEntry;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.ehcache.spi.serialization.SerializerException;
import org.junit.jupiter.api.Test;

class StoredOriginalSerializerTest {
    private final StoredOriginalSerializer serializer = new StoredOriginalSerializer();

    private StoredOriginal roundTrip(StoredOriginal value) {
        ByteBuffer bytes = serializer.serialize(value);
        assertTrue(serializer.equals(value, bytes.duplicate()));
        return serializer.read(bytes);
    }

    @Test
    void roundTripsEveryField() {
        StoredOriginal v = new StoredOriginal(new CcrEntry("x".repeat(70_000) + " é 東 \uD83D\uDE80", 1, 2, 3, "tool",
                Instant.parse("2026-01-02T03:04:05.000000006Z")), 7, 1_790_000_000_000L);
        assertEquals(v, roundTrip(v));
    }

    @Test
    void keepsUnpairedSurrogatesAndNullToolNames() {
        String lone = "a\uD800b\uDC00c \uDBFF"; // JSON "\ud800" escapes decode to these; UTF-8 cannot carry them
        assertTrue(StoredOriginalSerializer.hasUnpairedSurrogate(lone));
        assertFalse(StoredOriginalSerializer.hasUnpairedSurrogate("ok \uD83D\uDE80"));
        StoredOriginal v = new StoredOriginal(new CcrEntry(lone, 0, 0, 0, null, Instant.EPOCH), 0, 5);
        assertEquals(v, roundTrip(v));
        StoredOriginal empty = new StoredOriginal(new CcrEntry("", 0, 0, 0, "", Instant.EPOCH), 0, 5);
        assertEquals(empty, roundTrip(empty));
    }

    @Test
    void keepsTheToolSignatureAndStillReadsValuesWrittenBeforeIt() {
        StoredOriginal v = new StoredOriginal(new CcrEntry("[1]", 1, 2, 3, "tool", Instant.EPOCH,
                "0123456789abcdef01234567"), 1, 5);
        assertEquals(v, roundTrip(v));
        assertEquals(serializer.serialize(v).remaining(), StoredOriginalSerializer.encodedSize(v.entry()));
        // a format 1 value, as written before the signature was stored: no trailing signature string
        ByteBuffer old = serializer.serialize(new StoredOriginal(new CcrEntry("[1]", 1, 2, 3, "tool", Instant.EPOCH), 1, 5));
        byte[] bytes = java.util.Arrays.copyOf(old.array(), old.remaining() - 1);
        bytes[0] = StoredOriginalSerializer.FORMAT_WITHOUT_SIGNATURE;
        StoredOriginal read = serializer.read(ByteBuffer.wrap(bytes));
        assertEquals("tool", read.entry().toolName());
        assertEquals(null, read.entry().signature());
        assertEquals(5, read.expiresAtMillis());
    }

    @Test
    void rejectsForeignOrTruncatedBytes() {
        assertThrows(SerializerException.class, () -> serializer.read(ByteBuffer.wrap(new byte[] {9, 0, 0})));
        ByteBuffer good = serializer.serialize(new StoredOriginal(new CcrEntry("abc", 0, 0, 0, null, Instant.EPOCH), 0, 5));
        ByteBuffer truncated = ByteBuffer.wrap(java.util.Arrays.copyOf(good.array(), 4));
        assertThrows(SerializerException.class, () -> serializer.read(truncated));
    }
}
