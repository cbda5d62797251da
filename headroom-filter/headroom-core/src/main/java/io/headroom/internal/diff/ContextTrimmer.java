package io.headroom.internal.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a hunk's context down to {@value #WINDOW} line either side of each change. Where the unchanged lines
 * between two changes are cut, the hunk becomes two hunks with exact headers, so the result is still a patch
 * {@code git apply} accepts; gaps of up to {@value #KEEP_GAP} lines are kept, as a second header would cost as
 * much. Trailing context is never cut to none when the hunk had some: git reads a hunk without trailing
 * context as one that must match at the end of the file.
 */
final class ContextTrimmer {
    static final int WINDOW = 1;
    static final int KEEP_GAP = 2;

    private ContextTrimmer() {
    }

    /** The hunk's sub-hunks; one sub-hunk with the whole body when the header does not parse. */
    static List<SubHunk> trim(Hunk hunk) {
        List<String> body = hunk.body();
        if (!hunk.numbered()) return List.of(new SubHunk(-1, -1, hunk.section(), body));
        int m = body.size();
        boolean[] keep = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (!Hunk.isChange(body.get(k))) continue;
            for (int c = Math.max(0, k - WINDOW); c <= Math.min(m - 1, k + WINDOW); c++) keep[c] = true;
        }
        // "\ No newline at end of file" follows its line; a context line before it must stay if it is kept
        for (int k = 1; k < m; k++) {
            if (body.get(k).startsWith("\\")) keep[k] = keep[k - 1];
        }
        keepShortInteriorGaps(keep);
        List<SubHunk> parts = new ArrayList<>();
        int oldLine = hunk.oldStart();
        int newLine = hunk.newStart();
        int k = 0;
        while (k < m) {
            if (!keep[k]) {
                if (Hunk.isContext(body.get(k))) { // only context lines (and their "\" notes) are dropped
                    oldLine++;
                    newLine++;
                }
                k++;
                continue;
            }
            int start = k;
            int oldAt = oldLine;
            int newAt = newLine;
            while (k < m && keep[k]) {
                String l = body.get(k);
                if (Hunk.isContext(l)) {
                    oldLine++;
                    newLine++;
                } else if (l.startsWith("-")) {
                    oldLine++;
                } else if (l.startsWith("+")) {
                    newLine++;
                }
                k++;
            }
            parts.add(new SubHunk(oldAt, newAt, hunk.section(), body.subList(start, k)));
        }
        return parts;
    }

    private static void keepShortInteriorGaps(boolean[] keep) {
        int k = 0;
        while (k < keep.length && !keep[k]) k++;
        while (k < keep.length) {
            if (keep[k]) {
                k++;
                continue;
            }
            int gap = k;
            while (gap < keep.length && !keep[gap]) gap++;
            if (gap < keep.length && gap - k <= KEEP_GAP) {
                for (int c = k; c < gap; c++) keep[c] = true;
            }
            k = gap;
        }
    }
}
