package io.headroom.host;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The request body {@code Content-Encoding}s Headroom decodes before rewriting: {@code gzip} and
 * {@code deflate}. Decoding is bounded twice, by an absolute size and by an expansion ratio, so a
 * decompression bomb costs at most that many bytes of work before the caller gives up and forwards
 * the body untouched. The ratio is checked as decoding goes, against the input consumed so far (with
 * {@value #RATIO_SLACK_BYTES} bytes of slack for a compressible start): a bomb expands at about
 * 1000:1 from its first bytes, so it is refused after about a megabyte of output instead of after
 * {@code maxBytes} of it.
 */
public enum BodyEncoding {
    GZIP, DEFLATE;

    /** Largest accepted ratio of decoded to encoded size; real JSON rarely exceeds 20x. */
    public static final int DEFAULT_MAX_RATIO = 100;

    /** Output allowed beyond {@code maxRatio} times the input consumed so far. */
    static final int RATIO_SLACK_BYTES = 1 << 20;

    /**
     * The encoding named by a {@code Content-Encoding} header value. Empty for a header that is
     * absent or {@code identity} and also for anything Headroom does not decode (br, zstd, stacked
     * encodings): see {@link #isIdentity}.
     */
    public static Optional<BodyEncoding> of(String contentEncoding) {
        if (contentEncoding == null) {
            return Optional.empty();
        }
        return switch (contentEncoding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> Optional.of(GZIP);
            case "deflate" -> Optional.of(DEFLATE);
            default -> Optional.empty();
        };
    }

    /** True when the header says the body is not encoded at all. */
    public static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank() || "identity".equalsIgnoreCase(contentEncoding.strip());
    }

    /**
     * Decodes {@code encoded}.
     *
     * @param maxBytes largest decoded size accepted
     * @param maxRatio largest accepted decoded / encoded size ratio
     * @return the decoded bytes, or empty when the body is corrupt or decodes to more than
     *         {@code min(maxBytes, encoded.length * maxRatio)} bytes (decoding stops right there)
     */
    public Optional<byte[]> decode(byte[] encoded, long maxBytes, int maxRatio) {
        Bound bound = new Bound(Math.min(maxBytes, (long) encoded.length * maxRatio), maxRatio);
        try {
            return switch (this) {
                case GZIP -> gunzip(encoded, bound);
                case DEFLATE -> inflate(encoded, bound);
            };
        } catch (RuntimeException e) {
            return Optional.empty(); // not what the header claims: the upstream will judge it
        }
    }

    /**
     * Decodes every gzip member of {@code in} (RFC 1952 allows several, one after the other). Written here rather
     * than with {@code GZIPInputStream} because that stream silently drops bytes after the last member that do not
     * start another one: a body Headroom rewrote would then lose them without a word. Here anything but complete,
     * CRC- and length-checked members is refused, and the body goes on as the client sent it.
     */
    /** The decoded-size bounds of one body: absolute, and relative to the input consumed so far. */
    private record Bound(long limit, int maxRatio) {
        boolean exceeded(long decoded, long consumed) {
            return decoded > limit || decoded > RATIO_SLACK_BYTES + consumed * maxRatio;
        }
    }

    private static Optional<byte[]> gunzip(byte[] in, Bound bound) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int pos = 0;
        do {
            int header = gzipHeaderLength(in, pos);
            if (header < 0) {
                return Optional.empty();
            }
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(in, pos + header, in.length - pos - header);
                CRC32 crc = new CRC32();
                long memberSize = 0;
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return Optional.empty(); // truncated
                    }
                    total += n;
                    if (bound.exceeded(total, pos + header + inflater.getBytesRead())) {
                        return Optional.empty();
                    }
                    crc.update(buf, 0, n);
                    memberSize += n;
                    out.write(buf, 0, n);
                }
                long end = pos + header + inflater.getBytesRead();
                if (end + 8 > in.length || littleEndianInt(in, (int) end) != (int) crc.getValue()
                        || littleEndianInt(in, (int) end + 4) != (int) memberSize) {
                    return Optional.empty(); // missing or wrong trailer (CRC-32, size mod 2^32)
                }
                pos = (int) end + 8;
            } catch (DataFormatException e) {
                return Optional.empty();
            } finally {
                inflater.end();
            }
        } while (pos < in.length);
        return Optional.of(out.toByteArray());
    }

    /** The length of the gzip member header at {@code pos}, or -1 when there is none (RFC 1952 section 2.3). */
    private static int gzipHeaderLength(byte[] in, int pos) {
        final int fhcrc = 2;
        final int fextra = 4;
        final int fname = 8;
        final int fcomment = 16;
        if (pos + 10 > in.length || in[pos] != (byte) 0x1f || in[pos + 1] != (byte) 0x8b || in[pos + 2] != 8) {
            return -1; // not a gzip member, or not deflate-compressed
        }
        int flags = in[pos + 3] & 0xff;
        if ((flags & 0xe0) != 0) {
            return -1; // reserved flags must be zero
        }
        int at = pos + 10;
        if ((flags & fextra) != 0) {
            if (at + 2 > in.length) {
                return -1;
            }
            at += 2 + ((in[at] & 0xff) | (in[at + 1] & 0xff) << 8);
        }
        for (int field : new int[] {fname, fcomment}) {
            if ((flags & field) != 0) {
                while (at < in.length && in[at] != 0) {
                    at++;
                }
                at++; // the terminating zero
            }
        }
        if ((flags & fhcrc) != 0) {
            at += 2;
        }
        return at <= in.length ? at - pos : -1;
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** HTTP "deflate" is zlib-wrapped (RFC 9110); some clients send raw deflate, so that is tried too. */
    private static Optional<byte[]> inflate(byte[] encoded, Bound bound) {
        Optional<byte[]> zlib = inflate(encoded, bound, false);
        return zlib.isPresent() ? zlib : inflate(encoded, bound, true);
    }

    private static Optional<byte[]> inflate(byte[] encoded, Bound bound, boolean raw) {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(encoded);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty(); // truncated, or needs a preset dictionary we do not have
                }
                total += n;
                if (bound.exceeded(total, inflater.getBytesRead())) {
                    return Optional.empty();
                }
                out.write(buf, 0, n);
            }
            return Optional.of(out.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }
}
