package io.headroom.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * The CCR scope of a caller: originals stored in one scope can be retrieved only in the same scope,
 * so a caller who learns another caller's hash still cannot read that original. Adapters derive the
 * scope from the request; the core only compares scopes.
 *
 * <p>A scope never holds a credential: it is a truncated SHA-256 of the API key (or of the tenant id),
 * safe to keep in memory, on the CCR disk tier and in heap dumps. {@link #SHARED} ("") is the scope of
 * callers without isolation, and of every API overload that takes no scope.
 */
public final class TenantScope {
    /** The scope shared by every caller that is not isolated. */
    public static final String SHARED = "";
    /** Hex characters kept of the SHA-256: 128 bits, far beyond any collision between real tenants. */
    static final int HEX_LENGTH = 32;
    private static final String BEARER = "bearer ";

    private TenantScope() {
    }

    /** The scope of an API key or bearer token: "k-" plus its truncated SHA-256 in hex. */
    public static String ofCredential(String credential) {
        return "k-" + sha256Hex(credential);
    }

    /** The scope of an explicit tenant id (e.g. from a header set by a trusted front proxy). */
    public static String ofTenant(String tenant) {
        return "t-" + sha256Hex(tenant);
    }

    /**
     * The scope of a request from its headers: the tenant header when {@code tenantHeader} is configured
     * and present, else the {@code Authorization} credential (the token after "Bearer "), else
     * {@code x-api-key}; {@link #SHARED} when the request carries none of them.
     *
     * @param header       looks a request header up by name (case-insensitively), null when absent
     * @param tenantHeader the configured tenant header name, or null/blank for credentials only
     */
    public static String fromHeaders(Function<String, String> header, String tenantHeader) {
        if (tenantHeader != null && !tenantHeader.isBlank()) {
            String tenant = trimmed(header.apply(tenantHeader.strip()));
            if (tenant != null) {
                return ofTenant(tenant);
            }
        }
        String authorization = trimmed(header.apply("Authorization"));
        if (authorization != null) {
            String token = authorization.length() > BEARER.length()
                    && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? trimmed(authorization.substring(BEARER.length())) : authorization;
            if (token != null) {
                return ofCredential(token);
            }
        }
        String apiKey = trimmed(header.apply("x-api-key"));
        return apiKey == null ? SHARED : ofCredential(apiKey);
    }

    /** {@code scope}, or {@link #SHARED} for null. */
    public static String orShared(String scope) {
        return scope == null ? SHARED : scope;
    }

    private static String trimmed(String v) {
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }

    private static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
