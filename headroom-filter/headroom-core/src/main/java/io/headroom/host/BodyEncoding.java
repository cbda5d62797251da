package io.headroom.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * The request body {@code Content-Encoding}s Headroom decodes before rewriting: {@code gzip} and
 * {@code deflate}. Decoding is bounded twice, by an absolute size and by an expansion ratio, so a
 * decompression bomb costs at most that many bytes of work before the caller gives up and forwards
 * the body untouched.
 */
public enum BodyEncoding {
    GZIP, DEFLATE;

    /** Largest accepted ratio of decoded to encoded size; real JSON rarely exceeds 20x. */
    public static final int DEFAULT_MAX_RATIO = 100;

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
        long limit = Math.min(maxBytes, (long) encoded.length * maxRatio);
        try {
            return switch (this) {
                case GZIP -> bounded(new GZIPInputStream(new ByteArrayInputStream(encoded), 8192), limit);
                case DEFLATE -> inflate(encoded, limit);
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not what the header claims: the upstream will judge it
        }
    }

    private static Optional<byte[]> bounded(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    return Optional.empty();
                }
                out.write(buf, 0, n);
            }
            return Optional.of(out.toByteArray());
        }
    }

    /** HTTP "deflate" is zlib-wrapped (RFC 9110); some clients send raw deflate, so that is tried too. */
    private static Optional<byte[]> inflate(byte[] encoded, long limit) {
        Optional<byte[]> zlib = inflate(encoded, limit, false);
        return zlib.isPresent() ? zlib : inflate(encoded, limit, true);
    }

    private static Optional<byte[]> inflate(byte[] encoded, long limit, boolean raw) {
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
                if (total > limit) {
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
