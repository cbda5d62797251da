package io.headroom.internal.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses between tab and comma by how evenly each splits the first lines: a plain character count (quotes
 * ignored), good enough to choose; the parser then reads the fields properly.
 */
final class DelimiterProbe {
    /** Share of the probed non-blank lines that must have the same delimiter count. */
    static final double SAME_COUNT_SHARE = 0.8;
    private static final char[] CANDIDATES = {'\t', ','};

    private DelimiterProbe() {
    }

    /** The delimiter that splits at least {@link #SAME_COUNT_SHARE} of the lines the same way, or 0. */
    static char choose(List<String> lines, int probe) {
        for (char d : CANDIDATES) {
            int modal = modalCount(lines, probe, d);
            if (modal >= 1 && share(lines, probe, d, modal) >= SAME_COUNT_SHARE) return d;
        }
        return 0;
    }

    static int modalCount(List<String> lines, int probe, char d) {
        Map<Integer, Integer> counts = new HashMap<>();
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < probe; i++) {
            if (lines.get(i).isBlank()) continue;
            seen++;
            counts.merge(count(lines.get(i), d), 1, Integer::sum);
        }
        int best = 0;
        int bestFreq = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestFreq || (e.getValue() == bestFreq && e.getKey() > best)) {
                best = e.getKey();
                bestFreq = e.getValue();
            }
        }
        return best;
    }

    static double share(List<String> lines, int probe, char d, int count) {
        int seen = 0;
        int same = 0;
        for (int i = 0; i < lines.size() && seen < probe; i++) {
            if (lines.get(i).isBlank()) continue;
            seen++;
            if (count(lines.get(i), d) == count) same++;
        }
        return seen == 0 ? 0 : (double) same / seen;
    }

    static int count(String line, char d) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == d) n++;
        }
        return n;
    }
}
