package io.headroom.core.simulate;

import java.util.Locale;

/** What a block of a conversation is, as the simulation breakdown names it. */
public enum BlockKind {
    SYSTEM, USER, ASSISTANT, TOOL_CALL, TOOL_RESULT, TEXT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a message's content by its role; {@link #TEXT} for roles without a kind of their own. */
    static BlockKind ofRole(String role) {
        if (role == null) return TEXT;
        return switch (role) {
            case "system", "developer" -> SYSTEM;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            case "tool", "function" -> TOOL_RESULT;
            default -> TEXT;
        };
    }
}
