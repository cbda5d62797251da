package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyEncodingTest {
    private static final byte[] JSON = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi ☕\"}],"
            + "\"pad\":\"" + "abcdefghij".repeat(50) + "\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void recognisesHeaderValues() {
        assertEquals(Optional.of(BodyEncoding.GZIP), BodyEncoding.of(" GZIP "));
        assertEquals(Optional.of(BodyEncoding.GZIP), BodyEncoding.of("x-gzip"));
        assertEquals(Optional.of(BodyEncoding.DEFLATE), BodyEncoding.of("deflate"));
        assertEquals(Optional.empty(), BodyEncoding.of("br"));
        assertEquals(Optional.empty(), BodyEncoding.of("gzip, gzip")); // stacked encodings are forwarded as sent
        assertTrue(BodyEncoding.isIdentity(null));
        assertTrue(BodyEncoding.isIdentity(" identity"));
        assertFalse(BodyEncoding.isIdentity("br"));
    }

    @Test
    void decodesGzipZlibAndRawDeflate() throws IOException {
        assertArrayEquals(JSON, BodyEncoding.GZIP.decode(gzip(JSON), 1 << 20, 100).orElseThrow());
        assertArrayEquals(JSON, BodyEncoding.DEFLATE.decode(deflate(JSON, false), 1 << 20, 100).orElseThrow());
        assertArrayEquals(JSON, BodyEncoding.DEFLATE.decode(deflate(JSON, true), 1 << 20, 100).orElseThrow());
    }

    @Test
    void bytesAfterTheLastGzipMemberAreNotSilentlyDropped() throws IOException {
        byte[] gz = gzip(JSON);
        byte[] trailing = Arrays.copyOf(gz, gz.length + 3);
        trailing[gz.length] = 'x';
        assertTrue(BodyEncoding.GZIP.decode(trailing, 1 << 20, 100).isEmpty(), "trailing garbage");
        assertTrue(BodyEncoding.GZIP.decode(Arrays.copyOf(gz, gz.length + 1), 1 << 20, 100).isEmpty(), "one zero byte");
    }

    @Test
    void concatenatedMembersAndOptionalHeaderFieldsDecode() throws IOException {
        byte[] first = gzip(Arrays.copyOfRange(JSON, 0, 100));
        byte[] second = gzip(Arrays.copyOfRange(JSON, 100, JSON.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(JSON, BodyEncoding.GZIP.decode(both, 1 << 20, 100).orElseThrow());

        // FEXTRA, FNAME and FCOMMENT set: a 10-byte header, then the three fields, then the same deflate data
        byte[] plain = gzip(JSON);
        ByteArrayOutputStream named = new ByteArrayOutputStream();
        named.write(plain, 0, 10);
        named.write(new byte[] {4, 0, 'a', 'b', 'c', 'd'});
        named.write("body.json\0".getBytes(StandardCharsets.ISO_8859_1));
        named.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        named.write(plain, 10, plain.length - 10);
        byte[] withFields = named.toByteArray();
        withFields[3] = 4 | 8 | 16;
        assertArrayEquals(JSON, BodyEncoding.GZIP.decode(withFields, 1 << 20, 100).orElseThrow());
    }

    @Test
    void aWrongChecksumOrSizeIsRefused() throws IOException {
        byte[] gz = gzip(JSON);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertTrue(BodyEncoding.GZIP.decode(badCrc, 1 << 20, 100).isEmpty());
        byte[] badSize = gz.clone();
        badSize[gz.length - 4] ^= 1;
        assertTrue(BodyEncoding.GZIP.decode(badSize, 1 << 20, 100).isEmpty());
    }

    @Test
    void corruptOrTruncatedBodiesAreNotDecoded() throws IOException {
        byte[] gz = gzip(JSON);
        assertTrue(BodyEncoding.GZIP.decode(Arrays.copyOf(gz, gz.length / 2), 1 << 20, 100).isEmpty());
        assertTrue(BodyEncoding.GZIP.decode(JSON, 1 << 20, 100).isEmpty());
        byte[] z = deflate(JSON, false);
        assertTrue(BodyEncoding.DEFLATE.decode(Arrays.copyOf(z, z.length / 2), 1 << 20, 100).isEmpty());
        assertTrue(BodyEncoding.DEFLATE.decode(new byte[0], 1 << 20, 100).isEmpty());
    }

    @Test
    void sizeAndRatioLimitsStopDecoding() throws IOException {
        byte[] gz = gzip(JSON);
        assertTrue(BodyEncoding.GZIP.decode(gz, JSON.length - 1, 100).isEmpty(), "over the size limit");
        assertTrue(BodyEncoding.GZIP.decode(gz, JSON.length, 100).isPresent(), "exactly at the size limit");
        int ratio = JSON.length / gz.length; // this body expands by more than that, less than ratio + 1
        assertTrue(BodyEncoding.GZIP.decode(gz, 1 << 20, ratio).isEmpty(), "over the ratio limit");
        assertTrue(BodyEncoding.GZIP.decode(gz, 1 << 20, ratio + 1).isPresent());
    }

    /** 1 GiB of zeros is about 1 MiB of gzip; decoding must stop at the limit, not inflate it all. */
    @Test
    void gigabyteBombStopsAtTheLimit() throws IOException {
        byte[] bomb = zerosGzip(1L << 30);
        assertTrue(bomb.length < 2 << 20, "bomb is " + bomb.length + " bytes");
        assertTrue(BodyEncoding.GZIP.decode(bomb, 32L << 20, BodyEncoding.DEFAULT_MAX_RATIO).isEmpty());
        assertTrue(BodyEncoding.GZIP.decode(bomb, Long.MAX_VALUE, BodyEncoding.DEFAULT_MAX_RATIO).isEmpty(),
                "the ratio limit alone stops it");
    }

    /**
     * The ratio is checked as decoding goes: a bomb under the size limit (2 GB of zeros would be refused by
     * it too) is refused after about a megabyte of output, not after the whole limit of it was inflated.
     */
    @Test
    void aBombIsRefusedEarlyNotAtTheSizeLimit() throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member) {
            { def.setLevel(Deflater.BEST_COMPRESSION); }
        }) {
            byte[] mb = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                gz.write(mb);
            }
        }
        byte[] bomb = member.toByteArray(); // one member, 256 MiB of zeros in about 256 KB
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        BodyEncoding.GZIP.decode(gzip(JSON), 1 << 20, 100); // classes loaded
        long before = threads.getThreadAllocatedBytes(id);
        assertTrue(BodyEncoding.GZIP.decode(bomb, 512L << 20, BodyEncoding.DEFAULT_MAX_RATIO).isEmpty());
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 8L << 20, "refusing the bomb allocated " + (allocated >> 20) + " MB");
    }

    /**
     * A gzip stream of {@code size} zero bytes (a multiple of 1 MiB): one member holding 1 MiB of
     * zeros, repeated, as gzip allows. Built in milliseconds without ever holding the zeros.
     */
    static byte[] zerosGzip(long size) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member) {
            { def.setLevel(Deflater.BEST_COMPRESSION); }
        }) {
            gz.write(new byte[1 << 20]);
        }
        byte[] one = member.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < size >> 20; i++) {
            out.write(one);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
