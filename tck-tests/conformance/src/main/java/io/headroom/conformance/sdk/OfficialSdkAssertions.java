package io.headroom.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What each official SDK helper must end with after one retrieve round (see {@link OfficialSdkScript}): no throw,
 * the model's final text, no trace of {@code headroom_retrieve} in any chunk or event it saw. The model says
 * "Let me fetch that." in the Anthropic turn before its call, so that message ends with two text blocks.
 */
public final class OfficialSdkAssertions {
    /** What the model that wrote the Anthropic call's text block says before calling. */
    public static final String ANTHROPIC_PREAMBLE = "Let me fetch that.";

    private OfficialSdkAssertions() {
    }

    public static void assertEveryHelperGotTheAnswer(JsonNode result, String answer) {
        JsonNode chat = result.get("chat");
        assertFalse(chat.has("threw"), chat.toString());
        assertEquals(answer, chat.path("text").asText(), chat.toString());
        assertEquals("assistant", chat.path("role").asText());
        assertEquals(0, chat.get("toolCalls").size(), chat.toString());
        assertFalse(chat.get("sawRetrieve").asBoolean());

        JsonNode responses = result.get("responses");
        assertFalse(responses.has("threw"), responses.toString());
        assertEquals(answer, responses.path("text").asText(), responses.toString());
        assertEquals(List.of("message"), texts(responses.get("outputTypes")));
        assertFalse(responses.get("sawRetrieve").asBoolean());

        JsonNode messages = result.get("messages");
        assertFalse(messages.has("threw"), messages.toString());
        assertEquals(List.of(ANTHROPIC_PREAMBLE, answer), texts(messages.get("texts")), messages.toString());
        assertEquals(List.of("text", "text"), texts(messages.get("blockTypes")));
        assertEquals("end_turn", messages.path("stopReason").asText());
        assertFalse(messages.get("sawRetrieve").asBoolean());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
