package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listeners added after build (a meter binder bound late) and the retrieve loop's round hook. */
class LateListenerTest {

    @Test
    void aListenerAddedAfterBuildSeesTheFollowingRequestsAndRetrieveRounds() {
        List<String> seen = new ArrayList<>();
        try (Headroom headroom = Headroom.builder(HeadroomConfig.builder().build())
                .listener((endpoint, mode, outcome, nanos) -> seen.add("builder:" + endpoint.path()))
                .build()) {
            headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            headroom.addListener(new CompressionListener() {
                @Override
                public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
                    seen.add("late:" + endpoint.path() + ":" + outcome.compressed());
                }

                @Override
                public void onRetrieveRound(Endpoint endpoint) {
                    seen.add("round:" + endpoint.path());
                }
            });
            headroom.process(Endpoint.ANTHROPIC_MESSAGES, LlmRequests.anthropicMessages(), null);
            headroom.onRetrieveRound(Endpoint.ANTHROPIC_MESSAGES);
            headroom.onRetrieveRound(Endpoint.ANTHROPIC_MESSAGES);

            assertEquals(List.of("builder:/v1/chat/completions", "builder:/v1/messages", "late:/v1/messages:true",
                    "round:/v1/messages", "round:/v1/messages"), seen);
            assertEquals(2, headroom.stats().retrieveRounds());
            assertEquals(2, headroom.stats().requestsTotal());
        }
    }

    @Test
    void aThrowingListenerNeitherFailsTheRequestNorSilencesTheOthers() {
        List<String> seen = new ArrayList<>();
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().build())) {
            headroom.addListener((endpoint, mode, outcome, nanos) -> {
                throw new IllegalStateException("broken metrics");
            });
            headroom.addListener((endpoint, mode, outcome, nanos) -> seen.add("after"));
            RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            assertTrue(outcome.compressed());
            assertEquals(List.of("after"), seen);
        }
    }
}
