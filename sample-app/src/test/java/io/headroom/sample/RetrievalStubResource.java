package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts the {@link RetrievalStub} before the app and points both upstream targets at it. */
public class RetrievalStubResource implements QuarkusTestResourceLifecycleManager {
    private RetrievalStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new RetrievalStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "headroom.gateway.openai-target-url", stub.baseUrl(),
                "headroom.gateway.anthropic-target-url", stub.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectUpstreamStub.class, RetrievalStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
