package io.headroom.sample;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the {@link UpstreamStub} before the app and points both targets at it: the OpenAI target
 * as a base URL ending in /v1 (the form OpenAI SDKs use, so /v1 must not be doubled), the
 * Anthropic target under a path prefix (so the stub can tell the two apart).
 */
public class UpstreamStubResource implements QuarkusTestResourceLifecycleManager {
    static final String ANTHROPIC_PREFIX = "/anthropic";

    private UpstreamStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new UpstreamStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "headroom.gateway.openai-target-url", stub.baseUrl() + "/v1",
                "headroom.gateway.anthropic-target-url", stub.baseUrl() + ANTHROPIC_PREFIX);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectUpstreamStub.class, UpstreamStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
