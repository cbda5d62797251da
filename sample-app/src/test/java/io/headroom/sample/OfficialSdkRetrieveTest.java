package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.conformance.sdk.OfficialSdkAssertions;
import io.headroom.conformance.sdk.OfficialSdkScript;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 acceptance: the official SDKs' stream helpers, from npm, against the gateway with a retrieve round —
 * openai {@code chat.completions.stream().finalChatCompletion()} and {@code responses.stream().finalResponse()},
 * {@code @anthropic-ai/sdk} {@code messages.stream().finalMessage()} (the script and its checks are shared with the
 * library hosts: {@link OfficialSdkScript}). The stub upstream ({@link RetrievalStub}) answers the first request
 * with a headroom_retrieve call (chat: role and call in the first chunk) and the follow-up with text naming the
 * needle only when the follow-up carries the original byte-identical.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
class OfficialSdkRetrieveTest {
    private static final String ANSWER = "The full list includes " + RetrievalStub.NEEDLE + ".";

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URL base;

    @Test
    void streamHelpersOfTheOfficialSdksGetTheFinalAnswerAndNeverTheRetrieveCall() throws Exception {
        upstream.clear();
        upstream.expectOriginal(RetrievalGatewayTest.orders());
        JsonNode result = OfficialSdkScript.run(Path.of("target", "sdk-retrieve"),
                "http://127.0.0.1:" + base.getPort(), RetrievalGatewayTest.orders());

        OfficialSdkAssertions.assertEveryHelperGotTheAnswer(result, ANSWER);
        assertEquals(6, upstream.received().size(), "one first call and one follow-up per SDK");
    }
}
