package io.headroom;

import java.util.Locale;

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
}
