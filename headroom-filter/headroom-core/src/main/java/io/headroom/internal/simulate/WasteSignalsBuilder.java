package io.headroom.internal.simulate;

import io.headroom.WasteSignal;
import io.headroom.WasteSignals.Kind;
import io.headroom.WasteSignals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects per-block findings into signals. Not thread-safe: one per simulation. */
final class WasteSignalsBuilder {
    private final Map<Kind, Integer> tokens = new EnumMap<>(Kind.class);
    private final Map<Kind, List<Integer>> blocks = new EnumMap<>(Kind.class);

    /** Records {@code amount} tokens of {@code kind} in block {@code block}; nothing when it is not positive. */
    WasteSignalsBuilder add(Kind kind, int block, int amount) {
        if (amount > 0) {
            tokens.merge(kind, amount, Integer::sum);
            blocks.computeIfAbsent(kind, k -> new ArrayList<>()).add(block);
        }
        return this;
    }

    WasteSignals build() {
        return new WasteSignals(signal(Kind.JSON_BLOAT), signal(Kind.HTML_NOISE), signal(Kind.WHITESPACE),
                signal(Kind.DYNAMIC_DATES), signal(Kind.REPETITION));
    }

    private WasteSignal signal(Kind kind) {
        Integer t = tokens.get(kind);
        return t == null ? WasteSignal.NONE : new WasteSignal(t, blocks.get(kind));
    }
}
