package io.headroom.core.simulate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a request's unnecessary tokens come from. The signals overlap (pretty-printed JSON is both
 * whitespace and, once crushed, JSON bloat), so they are not meant to be summed.
 */
public record WasteSignals(WasteSignal jsonBloat, WasteSignal htmlNoise, WasteSignal whitespace,
                           WasteSignal dynamicDates, WasteSignal repetition) {

    /** The kinds of waste, in report order. */
    public enum Kind {
        /** Tokens of JSON tool outputs that compression would remove. */
        JSON_BLOAT,
        /** Tokens of markup, scripts, navigation and boilerplate that HTML extraction removes. */
        HTML_NOISE,
        /** Excess whitespace: indentation, runs of spaces, blank-line runs, whitespace between JSON tokens. */
        WHITESPACE,
        /** Dates, times, UUIDs and ids in system prompts that change per request and break prefix caching. */
        DYNAMIC_DATES,
        /** Lines or array items repeated verbatim. */
        REPETITION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public WasteSignal get(Kind kind) {
        return switch (kind) {
            case JSON_BLOAT -> jsonBloat;
            case HTML_NOISE -> htmlNoise;
            case WHITESPACE -> whitespace;
            case DYNAMIC_DATES -> dynamicDates;
            case REPETITION -> repetition;
        };
    }

    /** Collects per-block findings into signals. Not thread-safe: one per simulation. */
    static final class Builder {
        private final Map<Kind, Integer> tokens = new EnumMap<>(Kind.class);
        private final Map<Kind, List<Integer>> blocks = new EnumMap<>(Kind.class);

        /** Records {@code amount} tokens of {@code kind} in block {@code block}; nothing when it is not positive. */
        Builder add(Kind kind, int block, int amount) {
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
}
