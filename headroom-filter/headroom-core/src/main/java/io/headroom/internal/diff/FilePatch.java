package io.headroom.internal.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One file's part of a diff: its header lines ({@code diff --git}, {@code index}, {@code rename from}, {@code ---},
 * {@code +++} ...) and its hunks. {@code path} is the post-image path ({@code b/} stripped), {@code oldPath} the
 * pre-image one when the header names a different one (a rename).
 */
final class FilePatch {
    final List<String> header = new ArrayList<>();
    final List<Hunk> hunks = new ArrayList<>();
    String path = "";
    String oldPath = "";

    int changedLines() {
        int n = 0;
        for (Hunk h : hunks) n += h.changedLines();
        return n;
    }

    boolean renamed() {
        return !oldPath.isEmpty() && !oldPath.equals(path);
    }

    /** {@code path}, or {@code old → new} for a rename: how a summary names the file. */
    String displayName() {
        return renamed() ? oldPath + " → " + path : path;
    }
}
