package io.headroom.internal.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds files changed the same mechanical way (every hunk a version bump, rename or reordering of the same shape,
 * or a move without content change) in at least {@value DiffCompressor#MIN_GROUP} files, and words the line that
 * stands for all but the first of them.
 */
final class MechanicalGroups {
    private static final String MOVED = "moved";

    private MechanicalGroups() {
    }

    /** First file of each group (in diff order) to the other files of its group. */
    static Map<FilePatch, List<FilePatch>> of(List<FilePatch> files) {
        Map<String, List<FilePatch>> bySignature = new LinkedHashMap<>();
        for (FilePatch f : files) {
            String signature = signature(f);
            if (signature != null) bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(f);
        }
        Map<FilePatch, List<FilePatch>> groups = new LinkedHashMap<>();
        for (List<FilePatch> members : bySignature.values()) {
            if (members.size() < DiffCompressor.MIN_GROUP) continue;
            groups.put(members.get(0), List.copyOf(members.subList(1, members.size())));
        }
        return groups;
    }

    /** The file's shape when all of it is mechanical, else null. */
    static String signature(FilePatch f) {
        if (f.path.isEmpty()) return null;
        if (f.hunks.isEmpty()) {
            return f.renamed() && f.header.contains("similarity index 100%") ? MOVED : null;
        }
        StringBuilder b = new StringBuilder(f.renamed() ? "renamed+" : "");
        for (Hunk h : f.hunks) {
            ChangeShape shape = ChangeShape.of(f.path, h);
            if (!shape.mechanical()) return null;
            b.append(shape.key()).append('\u0000');
        }
        return b.toString();
    }

    /** E.g. {@code 37 more files with the same version bump (2.15.2 → 2.17.1) as app/pom.xml: a/pom.xml, ...}. */
    static String summary(FilePatch first, List<FilePatch> others) {
        String firstDelta = delta(first);
        String what = MOVED.equals(signature(first)) ? "move without content change"
                : "change" + (firstDelta.isEmpty() ? "" : " (" + firstDelta + ")");
        StringBuilder b = new StringBuilder();
        b.append(others.size()).append(" more files with the same ").append(what).append(" as ").append(first.path)
                .append(", not shown: ");
        for (int i = 0; i < others.size(); i++) {
            FilePatch f = others.get(i);
            if (i > 0) b.append(", ");
            b.append(f.displayName());
            String d = delta(f);
            if (!d.equals(firstDelta)) b.append(" (").append(d).append(')');
        }
        return b.toString();
    }

    private static String delta(FilePatch f) {
        Set<String> deltas = new LinkedHashSet<>();
        for (Hunk h : f.hunks) {
            String d = ChangeShape.of(f.path, h).delta();
            if (!d.isEmpty()) deltas.add(d);
        }
        return String.join(", ", deltas);
    }
}
