package io.headroom.quarkus.runtime;

import io.headroom.host.TenantScope;
import io.vertx.core.http.HttpServerRequest;

/**
 * The CCR scope of a request ({@link TenantScope}) when {@code quarkus.headroom.tenant-isolation} is on,
 * else the shared scope. Immutable; hashing a header value is cheap enough for the event loop.
 */
public final class CallerScopes {
    private final boolean isolated;
    private final String tenantHeader;

    public CallerScopes(boolean isolated, String tenantHeader) {
        this.isolated = isolated;
        this.tenantHeader = tenantHeader == null || tenantHeader.isBlank() ? null : tenantHeader.strip();
    }

    public boolean isolated() {
        return isolated;
    }

    /** The scope for {@code request}'s headers. */
    public String of(HttpServerRequest request) {
        return isolated ? TenantScope.fromHeaders(request::getHeader, tenantHeader) : TenantScope.SHARED;
    }
}
