package io.headroom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fail-open invariant of the proxied path: any byte sequence posted to any endpoint comes back either
 * as the very same bytes or as valid JSON that differs only in tool output texts whose originals are
 * retrievable. No exception escapes {@link Headroom#process}.
 *
 * <p>In a normal build these run once per seed in {@code ProcessFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one selected target is fuzzed coverage-guided (see src-docs/reliability.md).
 */
class ProcessFuzzTest {
    private static Headroom headroom;

    @BeforeAll
    static void start() {
        headroom = Headroom.create(RequestInvariants.toolOutputsOnly(20));
    }

    @AfterAll
    static void stop() {
        headroom.close();
    }

    @FuzzTest(maxDuration = "5m")
    void openAiChat(byte[] body) {
        processAndCheck(Endpoint.OPENAI_CHAT, body);
    }

    @FuzzTest(maxDuration = "5m")
    void anthropicMessages(byte[] body) {
        processAndCheck(Endpoint.ANTHROPIC_MESSAGES, body);
    }

    @FuzzTest(maxDuration = "5m")
    void openAiResponses(byte[] body) {
        processAndCheck(Endpoint.OPENAI_RESPONSES, body);
    }

    private static void processAndCheck(Endpoint endpoint, byte[] body) {
        byte[] copy = body.clone();
        RequestOutcome out = headroom.process(endpoint, body, Mode.OPTIMIZE);
        RequestInvariants.check(headroom, endpoint, copy, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(copy, body, "process modified its input array");
        // audit mode measures but must always forward the very same array
        RequestOutcome audit = headroom.process(endpoint, body, Mode.AUDIT);
        org.junit.jupiter.api.Assertions.assertSame(body, audit.body(), "audit mode changed the forwarded body");
    }
}
