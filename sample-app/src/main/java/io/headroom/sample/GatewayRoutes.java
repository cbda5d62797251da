package io.headroom.sample;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The proxied LLM endpoints. The Headroom route filter of the extension runs first and rewrites
 * the body; these routes forward whatever body it left in {@code rc.body()}: OpenAI-shaped calls to
 * the OpenAI target, Anthropic Messages to the Anthropic target.
 */
@ApplicationScoped
public class GatewayRoutes {
    private final UpstreamForwarder forwarder;
    private final GatewayTargets targets;
    private final RequestBodies bodies;

    public GatewayRoutes(UpstreamForwarder forwarder, GatewayTargets targets, RequestBodies bodies) {
        this.forwarder = forwarder;
        this.targets = targets;
        this.bodies = bodies;
    }

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
                    } else {
                        forwarder.forward(rc, target, bodyOf(rc));
                    }
                })
                .failureHandler(bodies.failures());
    }

    private static Buffer bodyOf(RoutingContext rc) {
        Buffer b = rc.body() == null ? null : rc.body().buffer();
        return b == null ? Buffer.buffer() : b;
    }
}
