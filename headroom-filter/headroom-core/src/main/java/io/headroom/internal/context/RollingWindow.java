package io.headroom.internal.context;

import io.headroom.internal.limits.Deadline;
import java.util.List;

/**
 * The baseline strategy: drops the oldest droppable units first. System messages and the last N
 * turns are never dropped (the {@link Conversation} marks them protected), and a tool call always
 * goes together with all of its results, since units are built that way.
 */
public final class RollingWindow implements DropPolicy {
    public static final String NAME = "rolling_window";

    @Override
    public List<Conversation.Unit> choose(Conversation conversation, int target, Deadline deadline) {
        return DropPolicy.dropInOrder(conversation, conversation.droppable(), target);
    }

    @Override
    public String name() {
        return NAME;
    }
}
