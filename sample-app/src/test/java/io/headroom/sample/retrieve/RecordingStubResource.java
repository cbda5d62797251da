package io.headroom.sample.retrieve;

import io.headroom.conformance.RecordingStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points both upstream targets of the gateway at the conformance suite's {@link RecordingStub} (one per JVM). */
public class RecordingStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String stub = RecordingStub.uri().toString().replaceAll("/+$", "");
        return Map.of(
                "headroom.gateway.openai-target-url", stub,
                "headroom.gateway.anthropic-target-url", stub);
    }

    @Override
    public void stop() {
        // the stub is shared by the JVM and stops with it
    }
}
