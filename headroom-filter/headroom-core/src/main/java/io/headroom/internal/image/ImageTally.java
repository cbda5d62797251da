package io.headroom.internal.image;

import io.headroom.ImageTokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Images of one request per technique: how many, tokens before and after. Not thread-safe (one request). */
public final class ImageTally {
    /** The technique names, in report order: the four techniques, then images left alone for a reason. */
    public static final List<String> KINDS = ImageTokenUsage.TECHNIQUES;

    private final Map<String, long[]> byKind = new LinkedHashMap<>();

    void add(String kind, int before, int after) {
        long[] t = byKind.computeIfAbsent(kind, k -> new long[3]);
        t[0]++;
        t[1] += before;
        t[2] += after;
    }

    public List<ImageTokenUsage> usage() {
        List<ImageTokenUsage> out = new ArrayList<>();
        for (String kind : KINDS) {
            long[] t = byKind.get(kind);
            if (t != null) {
                out.add(new ImageTokenUsage(kind, t[0], t[1], t[2]));
            }
        }
        return out;
    }
}
