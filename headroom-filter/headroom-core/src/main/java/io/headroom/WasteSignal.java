package io.headroom;

import java.util.List;

/**
 * How many tokens of one kind of waste a request carries, and in which blocks.
 *
 * @param tokens estimated tokens of waste
 * @param blocks breakdown indices ({@link BlockReport#index()}) of the blocks it was found in
 */
public record WasteSignal(int tokens, List<Integer> blocks) {
    public static final WasteSignal NONE = new WasteSignal(0, List.of());

    public WasteSignal {
        blocks = List.copyOf(blocks);
    }

    public boolean detected() {
        return tokens > 0;
    }
}
