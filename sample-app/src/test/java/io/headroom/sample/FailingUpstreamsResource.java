package io.headroom.sample;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * OpenAI target: the {@link UpstreamStub} (slow answers and forced statuses on request); Anthropic
 * target: a {@link ResettingUpstream} that resets every connection.
 */
public class FailingUpstreamsResource implements QuarkusTestResourceLifecycleManager {
    private UpstreamStub stub;
    private ResettingUpstream resetting;

    @Override
    public Map<String, String> start() {
        try {
            stub = new UpstreamStub();
            resetting = new ResettingUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("headroom.gateway.openai-target-url", stub.baseUrl(),
                "headroom.gateway.anthropic-target-url", resetting.baseUrl());
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
        try {
            if (resetting != null) {
                resetting.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
