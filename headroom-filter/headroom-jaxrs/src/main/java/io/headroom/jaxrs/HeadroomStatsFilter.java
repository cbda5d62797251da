package io.headroom.jaxrs;

import io.headroom.host.LoopbackCallers;
import io.headroom.host.StatsDocument;
import io.headroom.host.StatsReply;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.function.Function;

/**
 * The opt-in stats endpoint of a {@link HeadroomFeature}: {@code GET} on its path (relative to the application's
 * base URI, e.g. {@code /headroom/stats}) answers {@link StatsDocument}, the numbers of the gateway's {@code /stats}
 * with the feature's pass-through counts. Operator data: only a loopback caller under a loopback {@code Host} gets
 * them ({@link LoopbackCallers}, the rule of every host's stats endpoint), anyone else gets 403.
 *
 * <p>JAX-RS gives no portable way to learn the caller's address, so the application says how its runtime does
 * ({@code callerAddress}); without an address (null) the endpoint answers 403.
 * {@code config.register(HeadroomStatsFilter.of(feature, "/headroom/stats", callerAddress))}.
 */
@PreMatching
public final class HeadroomStatsFilter implements ContainerRequestFilter {
    private final HeadroomFeature feature;
    private final String path;
    private final Function<ContainerRequestContext, String> callerAddress;

    private HeadroomStatsFilter(HeadroomFeature feature, String path,
                                Function<ContainerRequestContext, String> callerAddress) {
        this.feature = feature;
        this.path = path;
        this.callerAddress = callerAddress;
    }

    /**
     * @param path          where the endpoint answers, relative to the application's base URI, starting with '/'
     * @param callerAddress the peer's IP literal for a request (e.g. a servlet container's {@code getRemoteAddr()})
     */
    public static HeadroomStatsFilter of(HeadroomFeature feature, String path,
                                         Function<ContainerRequestContext, String> callerAddress) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(callerAddress, "callerAddress");
        String p = Objects.requireNonNull(path, "path").strip();
        if (!p.startsWith("/") || p.contains("*")) {
            throw new IllegalArgumentException("the stats path must start with '/', got '" + path + "'");
        }
        return new HeadroomStatsFilter(feature, p, callerAddress);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !path.equals(applicationPath(request))) {
            return;
        }
        StatsReply reply = StatsReply.forCaller(callerAddress.apply(request), host(request), feature.headroom(),
                feature.requestFilter().admission());
        request.abortWith(Response.status(reply.status()).type(StatsReply.CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, StatsReply.CACHE_CONTROL).entity(reply.body()).build());
    }

    private static String applicationPath(ContainerRequestContext request) {
        String p = request.getUriInfo().getPath();
        return p.startsWith("/") ? p : "/" + p;
    }

    /** The {@code Host} header; over HTTP/2 (no such header) the authority the runtime put in the request URI. */
    private static String host(ContainerRequestContext request) {
        String host = request.getHeaderString(HttpHeaders.HOST);
        return host != null ? host : request.getUriInfo().getRequestUri().getHost();
    }
}
