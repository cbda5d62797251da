package io.headroom.ccr.redis;

import io.headroom.CcrStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key layout, compatible with the original project: the original's payload bytes at {@code {prefix}:{hash}}
 * (callers without isolation), so either implementation reads the other's originals. Beside it
 * {@code {prefix}:{hash}:meta} (a Redis hash: tool name, token and item counts, creation time) and
 * {@code {prefix}:{hash}:retrievals} (the retrieval count, an INCR counter). An isolated caller's keys carry its
 * scope: {@code {prefix}:{scope}:{hash}} and so on.
 *
 * <p>Nothing reaches a key unchecked: a hash must be lower-case hex of bounded length and a scope is used as it is
 * only when it is a short token of letters, digits, '-' and '_' (the host's {@code k-…}/{@code t-…} scopes);
 * anything else is replaced by its SHA-256, so no caller-supplied text can inject key structure.
 */
final class RedisKeys {
    /** Longest hash accepted: the core's are 24 hex digits; a full SHA-256 (64) is the most any client sends. */
    static final int MAX_HASH_LENGTH = 64;
    private static final int MAX_PLAIN_SCOPE = 64;

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** True for 1 to {@link #MAX_HASH_LENGTH} lower-case hex digits: the only hashes that may reach Redis. */
    static boolean validHash(String hash) {
        if (hash == null || hash.isEmpty() || hash.length() > MAX_HASH_LENGTH) return false;
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** The payload key; {@code hash} must be {@link #validHash valid}. */
    String original(String scope, String hash) {
        return base(scope) + hash;
    }

    String meta(String scope, String hash) {
        return original(scope, hash) + ":meta";
    }

    String retrievals(String scope, String hash) {
        return original(scope, hash) + ":retrievals";
    }

    private String base(String scope) {
        if (scope == null || CcrStore.SHARED_SCOPE.equals(scope)) return prefix + ":";
        return prefix + ":" + scopePart(scope) + ":";
    }

    private static String scopePart(String scope) {
        if (scope.length() <= MAX_PLAIN_SCOPE && scope.chars().allMatch(RedisKeys::plain)) return scope;
        return "s-" + sha256Hex(scope).substring(0, 32);
    }

    private static boolean plain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
