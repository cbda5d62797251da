package io.headroom.tck.spring.retrieve;

import io.headroom.tck.spring.RunningApp;
import io.headroom.tck.spring.gateway.LlmGatewayApplication;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * The retrieve loop in a Spring Cloud Gateway Server MVC 4.3 gateway routing {@code /v1/**} to the provider: the
 * gateway's proxy handler ({@code HandlerFunctions.http()}) writes the provider's answer, JSON or event stream, on the
 * request's thread, and the filter runs the route again with each follow-up.
 */
@Tag("gateway")
class GatewayRetrieveTest extends RetrieveLoopContract {
    private RunningApp app;

    @Override
    protected URI start(String upstream) {
        app = RunningApp.start(LlmGatewayApplication.class, "llm.upstream=" + upstream);
        return app.baseUri();
    }

    @Override
    protected void stop() {
        app.close();
    }

    @Override
    protected Stream<String[]> relays() {
        return Stream.<String[]>of(new String[0]);
    }
}
