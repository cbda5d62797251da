package io.headroom.internal.ccr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * CCR keys: the first 24 hex digits (96 bits) of the SHA-256 of the original's UTF-8 bytes. Short
 * enough for a marker the model copies back, long enough that collisions are not a concern, and
 * deterministic, so the same tool output always maps to the same key.
 */
public final class ContentHash {
    public static final int LENGTH = 24;

    private ContentHash() {
    }

    public static String of(String original) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** True for strings shaped like a key (lower-case hex of the right length). */
    public static boolean looksLikeHash(String s) {
        if (s == null || s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
