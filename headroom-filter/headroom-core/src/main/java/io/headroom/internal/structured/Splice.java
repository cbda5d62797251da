package io.headroom.internal.structured;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of non-overlapping character ranges of one text, applied in one pass. */
final class Splice {
    private record Edit(int start, int end, String replacement) {
    }

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** True when {@code [start, end)} lies inside a range already replaced. */
    boolean covers(int start, int end) {
        for (Edit e : edits) {
            if (start >= e.start && end <= e.end) return true;
        }
        return false;
    }

    String apply(String text) {
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text.length() / 2);
        int at = 0;
        for (Edit e : edits) {
            if (e.start < at) throw new IllegalStateException("overlapping edits");
            out.append(text, at, e.start).append(e.replacement);
            at = e.end;
        }
        return out.append(text, at, text.length()).toString();
    }
}
