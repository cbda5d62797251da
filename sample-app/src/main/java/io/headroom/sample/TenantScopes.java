package io.headroom.sample;

import io.headroom.host.TenantScope;
import io.headroom.quarkus.runtime.CallerScopes;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's CCR scope for the gateway's own endpoints (/v1/compress, /v1/retrieve*, the retrieval
 * relay, MCP), derived exactly as the Headroom route filter derives it on the proxied path, from the
 * same {@code quarkus.headroom.tenant-isolation} and {@code quarkus.headroom.tenant-header} settings: a
 * caller retrieves with the credential it compressed with, and no other credential finds its originals.
 */
@ApplicationScoped
public class TenantScopes {
    private final CallerScopes scopes;
    private final String tenantHeader;

    public TenantScopes(@ConfigProperty(name = "quarkus.headroom.tenant-isolation", defaultValue = "false")
                        boolean isolated,
                        @ConfigProperty(name = "quarkus.headroom.tenant-header") Optional<String> tenantHeader) {
        this.scopes = new CallerScopes(isolated, tenantHeader.orElse(null));
        this.tenantHeader = tenantHeader.orElse(null);
    }

    /**
     * Who is calling, whether or not isolation is on: the scope isolation would give this request (a hash of
     * its tenant header or credential; {@link TenantScope#SHARED} for every anonymous caller together). Used to
     * bound what one caller may hold or spend (MCP sessions, the per-tenant budget); equals {@link #of} when
     * isolation is on.
     */
    public String caller(RoutingContext rc) {
        return TenantScope.fromHeaders(rc.request()::getHeader, tenantHeader);
    }

    /** The scope of the request being handled by {@code rc}. */
    public String of(RoutingContext rc) {
        return scopes.of(rc.request());
    }
}
