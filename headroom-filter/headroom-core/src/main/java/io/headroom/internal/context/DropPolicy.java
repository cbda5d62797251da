package io.headroom.internal.context;

import io.headroom.internal.limits.Deadline;
import java.util.List;

/** Chooses which units of a conversation to drop so that it costs at most a target number of tokens. */
interface DropPolicy {

    /**
     * @param target the most tokens the conversation may cost after the drop
     * @return the units to drop (never protected ones), in any order; all droppable units when even
     *         that does not reach the target (best effort)
     */
    List<Conversation.Unit> choose(Conversation conversation, int target, Deadline deadline);

    /** As {@link #choose(Conversation, int, Deadline)} without a deadline. */
    default List<Conversation.Unit> choose(Conversation conversation, int target) {
        return choose(conversation, target, Deadline.NONE);
    }

    /** Name used in transforms ({@code <name>:<messages dropped>}). */
    String name();

    /** Drops {@code ordered} front to back until the conversation fits. */
    static List<Conversation.Unit> dropInOrder(Conversation conversation, List<Conversation.Unit> ordered, int target) {
        int total = conversation.totalTokens();
        List<Conversation.Unit> chosen = new java.util.ArrayList<>();
        for (Conversation.Unit u : ordered) {
            if (total <= target) break;
            chosen.add(u);
            total -= u.tokens();
        }
        return chosen;
    }
}
