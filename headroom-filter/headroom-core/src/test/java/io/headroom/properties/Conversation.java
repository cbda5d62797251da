package io.headroom.properties;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A wire-format-neutral agent conversation, rendered into each API's request shape by
 * {@link WireShapes}. Every step may carry the conversation's unknown field ({@link #extraKey}).
 *
 * @param system     system prompt / instructions, or null
 * @param steps      user turns, assistant turns and tool rounds in order
 * @param extraKey   name of a field none of the APIs define; always starts with {@code x_}
 * @param extraValue its value
 */
record Conversation(String system, List<Step> steps, String extraKey, JsonNode extraValue) {

    sealed interface Step permits User, Assistant, ToolRound {
    }

    record User(String text, boolean extra) implements Step {
    }

    record Assistant(String text, boolean extra) implements Step {
    }

    /** One assistant turn calling tools, then their results in the same order. */
    record ToolRound(List<Call> calls) implements Step {
    }

    record Call(String id, String name, String arguments, String output, boolean extra) {
    }
}
