package io.headroom.internal.context;

import java.util.List;

/**
 * What context management did to one request.
 *
 * @param changed         true when anything was compressed deeper or dropped
 * @param tokensBefore    the request's estimated tokens before (0 when not measured: strategy off, or
 *                        the request was obviously far below the budget)
 * @param tokensAfter     estimated tokens after
 * @param budget          the token budget the request had to fit
 * @param fits            false only when even dropping everything droppable did not reach the budget
 * @param messagesDropped messages removed from the conversation (the note is not counted)
 * @param droppedHash     CCR key of the JSON array of the dropped messages, or null
 * @param transforms      {@code deep_compress:<outputs>}, {@code intelligent_context:<messages>} or
 *                        {@code rolling_window:<messages>}
 * @param ccrHashes       every CCR key this step stored (deeper-compressed outputs, then the dropped block)
 */
public record ContextResult(boolean changed, int tokensBefore, int tokensAfter, int budget, boolean fits,
                            int messagesDropped, String droppedHash, List<String> transforms, List<String> ccrHashes) {
    public ContextResult {
        transforms = List.copyOf(transforms);
        ccrHashes = List.copyOf(ccrHashes);
    }

    static ContextResult unchanged(int tokens, int budget) {
        return new ContextResult(false, tokens, tokens, budget, tokens <= budget, 0, null, List.of(), List.of());
    }
}
