package io.headroom.host.retrieve;

import io.headroom.ErrorType;
import io.headroom.HeadroomException;

/**
 * The shape of a CCR hash as the core hands it out in markers and {@code ccr_hashes}: {@value #LENGTH}
 * hexadecimal digits (the leading 96 bits of a SHA-256). Every host checks a hash a caller or a model sends
 * against it before any lookup, so an oversized or malformed "hash" costs no store access and is never
 * echoed back (a 10 MB hash must not come back in an error message or a tool result).
 *
 * <p>Upper-case digits and surrounding whitespace are accepted, as the store lookup folds them; the
 * length mirrors the core's internal key format (a test of the core keeps the two equal).
 */
public final class RetrieveHashes {
    /** Hex digits in a hash. */
    public static final int LENGTH = 24;
    /** What a refusal says instead of quoting the hash. */
    public static final String FORMAT = LENGTH + " hexadecimal digits from a compression marker";

    private RetrieveHashes() {
    }

    /** True when {@code hash} (surrounding whitespace ignored) is exactly {@value #LENGTH} hex digits. */
    public static boolean wellFormed(String hash) {
        if (hash == null || hash.length() > LENGTH + 64) {
            return false; // no stripping of megabytes just to refuse them
        }
        String h = hash.strip();
        if (h.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            if (Character.digit(h.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code hash} when {@link #wellFormed well formed}.
     *
     * @throws HeadroomException validation_error, whose message does not quote the hash
     */
    public static String require(String hash) {
        if (!wellFormed(hash)) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'hash' must be " + FORMAT);
        }
        return hash;
    }
}
