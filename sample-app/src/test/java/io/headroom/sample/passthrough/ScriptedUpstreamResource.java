package io.headroom.sample.passthrough;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Points both targets at one {@link ScriptedUpstream}: OpenAI as a base URL ending in {@code /v1} (the SDK
 * form), Anthropic under {@link #ANTHROPIC_PREFIX}, so the request target tells which one was called.
 */
public class ScriptedUpstreamResource implements QuarkusTestResourceLifecycleManager {
    public static final String ANTHROPIC_PREFIX = "/anthropic";

    private ScriptedUpstream upstream;

    @Override
    public Map<String, String> start() {
        try {
            upstream = new ScriptedUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("headroom.gateway.openai-target-url", upstream.baseUrl() + "/v1",
                "headroom.gateway.anthropic-target-url", upstream.baseUrl() + ANTHROPIC_PREFIX);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(upstream, new TestInjector.MatchesType(ScriptedUpstream.class));
    }

    @Override
    public void stop() {
        try {
            if (upstream != null) {
                upstream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
