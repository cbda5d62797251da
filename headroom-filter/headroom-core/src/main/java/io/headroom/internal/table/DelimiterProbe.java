package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses between tab and comma by how evenly each splits the first records: delimiters are counted outside
 * double quotes, and a line that ends inside quotes continues the record (CSV's embedded line breaks). Good enough
 * to choose; the parser then reads the fields properly.
 */
final class DelimiterProbe {
    /** Share of the probed records that must have the same delimiter count. */
    static final double SAME_COUNT_SHARE = 0.8;
    /** A quoted field running over more lines than this is taken as a stray quote: the count starts again. */
    static final int MAX_RECORD_LINES = 50;
    private static final char[] CANDIDATES = {'\t', ','};

    private DelimiterProbe() {
    }

    /** The delimiter that splits at least {@link #SAME_COUNT_SHARE} of the records the same way, or 0. */
    static char choose(List<String> lines, int probe) {
        for (char d : CANDIDATES) {
            List<Integer> counts = recordCounts(lines, probe, d);
            int modal = modal(counts);
            if (modal >= 1 && share(counts, modal) >= SAME_COUNT_SHARE) return d;
        }
        return 0;
    }

    /** Delimiters per record, for the first {@code probe} non-blank records of {@code lines}. */
    static List<Integer> recordCounts(List<String> lines, int probe, char d) {
        boolean quotes = d == ',';
        List<Integer> out = new ArrayList<>();
        boolean inQuotes = false;
        int count = 0;
        int recordLines = 0;
        for (int i = 0; i < lines.size() && out.size() < probe; i++) {
            String line = lines.get(i);
            if (!inQuotes && line.isBlank()) continue;
            for (int p = 0; p < line.length(); p++) {
                char c = line.charAt(p);
                if (quotes && c == '"') {
                    inQuotes = !inQuotes;
                } else if (c == d && !inQuotes) {
                    count++;
                }
            }
            recordLines++;
            if (inQuotes && recordLines < MAX_RECORD_LINES) continue;
            out.add(count);
            inQuotes = false;
            count = 0;
            recordLines = 0;
        }
        return out;
    }

    static int modal(List<Integer> counts) {
        Map<Integer, Integer> freq = new HashMap<>();
        for (int c : counts) freq.merge(c, 1, Integer::sum);
        int best = 0;
        int bestFreq = 0;
        for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
            if (e.getValue() > bestFreq || (e.getValue() == bestFreq && e.getKey() > best)) {
                best = e.getKey();
                bestFreq = e.getValue();
            }
        }
        return best;
    }

    static double share(List<Integer> counts, int count) {
        if (counts.isEmpty()) return 0;
        int same = 0;
        for (int c : counts) {
            if (c == count) same++;
        }
        return (double) same / counts.size();
    }

    /** Delimiters in one line, outside quotes when the delimiter is a comma. */
    static int count(String line, char d) {
        return recordCounts(List.of(line), 1, d).stream().findFirst().orElse(0);
    }
}
