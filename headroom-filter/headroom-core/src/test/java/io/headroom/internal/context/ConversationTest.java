package io.headroom.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.internal.tokens.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final TokenCounter.Tokenizer TOKENIZER = new TokenCounter().forModel("gpt-4o");

    private static Conversation read(Endpoint endpoint, ObjectNode root, int keep) {
        return Conversation.read(root, MessageShape.of(endpoint), TOKENIZER, keep);
    }

    @Test
    void chatToolCallGroupsAreOneUnitAndTheLastTurnsAreProtected() {
        // 0 system | turn 0 (two calls): 1 user, 2 assistant, 3-4 tool, 5 assistant | turn 1: 6..9 | turn 2: 10..13
        // | turn 3 (two calls): 14 user, 15 assistant, 16-17 tool, 18 assistant | 19 final user
        ObjectNode root = Conversations.toolHeavy(Endpoint.OPENAI_CHAT, 4);
        Conversation c = read(Endpoint.OPENAI_CHAT, root, 2);
        assertEquals(List.of(1, 2, 5, 6, 7, 9, 10, 11, 13, 14, 15, 18, 19),
                c.units().stream().map(Conversation.Unit::first).toList(), "the system message is no unit");
        assertEquals(List.of(1, 4, 5, 6, 8, 9, 10, 12, 13, 14, 17, 18, 19),
                c.units().stream().map(Conversation.Unit::last).toList(), "a call and all its results together");
        assertEquals(14, c.protectFrom());
        assertEquals(9, c.droppable().size());
        assertEquals(10, read(Endpoint.OPENAI_CHAT, root, 3).protectFrom(), "keep-last-turns 3");
        assertEquals(19, read(Endpoint.OPENAI_CHAT, root, 0).protectFrom(), "the final question always stays");
    }

    @Test
    void anthropicUnitsAreWholeExchangesLinkedByToolUse() {
        ObjectNode root = Conversations.toolHeavy(Endpoint.ANTHROPIC_MESSAGES, 3);
        Conversation c = read(Endpoint.ANTHROPIC_MESSAGES, root, 1);
        // per turn: user, assistant(tool_use), user(tool_result), assistant -> one unit of 4
        assertEquals(List.of(0, 4, 8, 12), c.units().stream().map(Conversation.Unit::first).toList());
        assertEquals(List.of(3, 7, 11, 12), c.units().stream().map(Conversation.Unit::last).toList());
        assertEquals(12, c.protectFrom(), "a user message of only tool results does not start a turn");
    }

    @Test
    void responsesReasoningItemsStayWithTheirCall() {
        ObjectNode root = Conversations.F.objectNode().put("model", "o3");
        ArrayNode in = root.putArray("input");
        in.addObject().put("role", "user").put("content", "first");
        in.addObject().put("type", "reasoning").put("id", "rs_1").putArray("summary");
        in.addObject().put("type", "function_call").put("call_id", "c1").put("name", "f").put("arguments", "{}");
        in.addObject().put("type", "function_call_output").put("call_id", "c1").put("output", "out");
        in.addObject().put("role", "user").put("content", "second");
        Conversation c = read(Endpoint.OPENAI_RESPONSES, root, 1);
        assertEquals(List.of(0, 1, 4), c.units().stream().map(Conversation.Unit::first).toList());
        assertEquals(3, c.units().get(1).last());
    }

    @Test
    void anthropicNoteGoesAfterLeadingToolResultsAndKeepsStringContentAsABlock() {
        ArrayNode messages = Conversations.F.arrayNode();
        messages.addObject().put("role", "user").put("content", "hello");
        new AnthropicShape().insertNote(messages, 0, "[note]");
        assertEquals("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"[note]\"},"
                + "{\"type\":\"text\",\"text\":\"hello\"}]}]", messages.toString());

        ArrayNode withResults = Conversations.F.arrayNode();
        withResults.addObject().put("role", "assistant").put("content", "x");
        ArrayNode blocks = withResults.addObject().put("role", "user").putArray("content");
        blocks.addObject().put("type", "tool_result").put("tool_use_id", "t").put("content", "r");
        new AnthropicShape().insertNote(withResults, 0, "[note]");
        assertEquals("tool_result", blocks.get(0).get("type").textValue());
        assertEquals("[note]", blocks.get(1).get("text").textValue());
    }

    @Test
    void scorerSignals() {
        assertEquals(1.0, UnitScorer.errorIndicator("Traceback: ValueError raised"));
        assertEquals(0.0, UnitScorer.errorIndicator("all good, terrorism is not a keyword match"));
        assertTrue(UnitScorer.identifiers("see settings/prod_config.yaml and fooBar, not plain words")
                .containsAll(List.of("settings/prod_config.yaml", "prod_config", "fooBar")));
        assertFalse(UnitScorer.identifiers("plain words only").iterator().hasNext());
        assertEquals(1.0, UnitScorer.density("alpha beta gamma"));
        assertTrue(UnitScorer.density("alpha alpha alpha alpha") < 0.3);
    }

    @Test
    void defaultWeightsFoldOutToinAndRenormalize() {
        ScoringWeights w = ScoringWeights.DEFAULTS;
        assertEquals(1.0, w.recency() + w.similarity() + w.errorIndicator() + w.forwardReference() + w.tokenDensity(), 1e-9);
        assertEquals(0.20 / 0.75, w.recency(), 1e-9);
        assertEquals(0.05 / 0.75, w.tokenDensity(), 1e-9);
    }
}
