package io.headroom;

import java.util.Locale;

/** What a block of a conversation is, as the simulation breakdown names it. */
public enum BlockKind {
    SYSTEM, USER, ASSISTANT, TOOL_CALL, TOOL_RESULT, TEXT,
    /** An image part: its tokens by the provider's image rule, its transform {@code image:<technique>:<ratio>}. */
    IMAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
