package io.headroom.sample;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proxied LLM endpoints. The Headroom route filter of the extension runs first and rewrites
 * the body; these routes forward whatever body it left in {@code rc.body()}: OpenAI-shaped calls to
 * the OpenAI target, Anthropic Messages to the Anthropic target. A body that is not one JSON object is
 * refused with the provider's own 400 instead of being forwarded, as the original does, whether the filter read
 * it or left it unread (then it is judged as it streams through, see {@link UpstreamForwarder#forwardAsSent}). Every other path goes
 * through {@link PassThroughRoute}.
 */
@ApplicationScoped
public class GatewayRoutes {
    private final UpstreamForwarder forwarder;
    private final GatewayTargets targets;
    private final RequestBodies bodies;
    private final long maxBodyBytes;

    public GatewayRoutes(UpstreamForwarder forwarder, GatewayTargets targets, RequestBodies bodies,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.forwarder = forwarder;
        this.targets = targets;
        this.bodies = bodies;
    }

    /** The paths served here with POST; other methods on them are passed through like any other path. */
    static final Set<String> PROXIED_PATHS = Set.of("/v1/chat/completions", "/v1/responses", "/v1/messages");

    void register(@Observes Router router) {
        proxy(router, "/v1/chat/completions", targets.openai());
        proxy(router, "/v1/responses", targets.openai());
        proxy(router, "/v1/messages", targets.anthropic());
    }

    private void proxy(Router router, String path, UpstreamTarget target) {
        router.post(path)
                .handler(rc -> {
                    if (RequestBodies.unread(rc)) {
                        // the Headroom filter left it unread (not JSON, over max-body-size, bypassed, or no room
                        // in its body budget): relayed as sent, streamed at any size, never held whole; Vert.x's
                        // BodyHandler would also decode forms and refuse fields over its form limits
                        forwarder.forwardAsSent(rc, target);
                        return;
                    }
                    Buffer body = bodyOf(rc);
                    Optional<String> malformed = identityEncoded(rc) ? JsonSyntax.problem(body.getBytes())
                            : encodedProblem(rc, body);
                    if (malformed.isPresent()) {
                        // the provider would refuse it too: answered here in its shape, as the original does
                        ProviderErrors.of(target).write(rc.response(), ProviderErrors.Kind.INVALID_JSON,
                                malformed.get());
                    } else {
                        forwarder.forward(rc, target, body);
                    }
                })
                .failureHandler(bodies.failures(ProviderErrors.of(target)));
    }

    /**
     * A gzip or deflate body the filter read but left encoded (over its limits once decoded, or undecodable),
     * judged as the original judges it: decoded, then parsed, up to the transport limit of decoded bytes. Other
     * codings are not judged: the provider decides.
     */
    private Optional<String> encodedProblem(RoutingContext rc, Buffer body) {
        return JsonStreamCheck.forEncoding(rc.request().getHeader(HttpHeaders.CONTENT_ENCODING), maxBodyBytes)
                .flatMap(check -> {
                    try (check) {
                        return check.feed(body).or(check::end);
                    }
                });
    }

    /** The body is as the client wrote it. */
    private static boolean identityEncoded(RoutingContext rc) {
        String encoding = rc.request().getHeader(HttpHeaders.CONTENT_ENCODING);
        return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }

    private static Buffer bodyOf(RoutingContext rc) {
        Buffer b = rc.body() == null ? null : rc.body().buffer();
        return b == null ? Buffer.buffer() : b;
    }
}
