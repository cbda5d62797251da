package io.headroom.internal.cache;

import io.headroom.CacheAlignerConfig;
import io.headroom.PatternList;
import java.util.ArrayList;
import java.util.List;

/**
 * The dynamic values of a text (dates, times, UUIDs, session ids, configured patterns) as the
 * {@link CacheAligner} sees them, for callers outside this package that only measure them (simulation's
 * waste signals). Read-only: the text is never changed. Thread-safe.
 */
public final class DynamicValues {
    private final DynamicContentDetector detector;

    public DynamicValues(CacheAlignerConfig config) {
        this.detector = new DynamicContentDetector(PatternList.compile(CacheAlignerConfig.PATTERNS, config.patterns()));
    }

    /** The dynamic runs of {@code text}, each with the short label that introduces it, in order. */
    public List<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (DynamicSpan s : detector.find(text)) {
            out.add(text.substring(s.start(), s.end()));
        }
        return out;
    }
}
