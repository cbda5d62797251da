package io.headroom.internal.search;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.content.TextLines;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * grep / ripgrep results ({@code path:line:content}): keeps the matches that answer the question and a
 * sketch of the rest (seed: text-and-logs.md, SearchCompressor).
 *
 * <p>Selection, in priority order, within {@link #maxMatches} lines: definitions of an identifier named in
 * the query ({@code def x}, {@code class x}, {@code function x} ...), other lines containing such an
 * identifier verbatim, the best line of each of the files with most matches (file diversity), then the
 * best BM25 scores against the query; the first and last matches are always kept. Output is grouped by file,
 * most relevant file first, each kept line exactly as printed, each file followed by
 * {@code path: N more matches} when some were dropped, then one line for files with no kept match, then
 * the retrieval marker. Lines that are not results (e.g. {@code Binary file x matches}) are kept only
 * while few. Thread-safe.
 */
public final class SearchCompressor implements ContentCompressor {
    static final int DEFAULT_MAX_MATCHES = 40;
    static final int MIN_MATCHES = 10;
    /** Files guaranteed one line each (the ones with most matches). */
    static final int DIVERSE_FILES = 12;
    static final int MAX_OTHER_LINES = 5;
    static final int MAX_LISTED_FILES = 10;
    private static final String[] DEFINITION_KEYWORDS = {"def", "class", "function", "func", "fn", "interface",
            "struct", "enum", "type", "trait", "record", "object", "module", "const", "let", "var", "val", "async def"};

    private final int maxMatches;

    public SearchCompressor() {
        this(DEFAULT_MAX_MATCHES);
    }

    public SearchCompressor(int maxMatches) {
        if (maxMatches < 2) throw new IllegalArgumentException("maxMatches must be >= 2");
        this.maxMatches = maxMatches;
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        List<String> lines = TextLines.split(content);
        List<GrepLine> matches = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            GrepLine g = GrepLine.parse(line);
            if (g != null) {
                matches.add(g);
            } else {
                others.add(line);
            }
        }
        if (matches.size() < MIN_MATCHES || matches.size() <= maxMatches) return Compressed.unchanged(content);
        String query = context == null ? null : context.query();
        double[] score = scores(matches, query);
        boolean[] keep = select(matches, score);
        String out = render(matches, others, keep, score, context);
        if (out.length() >= content.length()) return Compressed.unchanged(content);
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        return new Compressed(true, out, matches.size(), kept);
    }

    /** BM25 against the query, plus 100 per query identifier the line names and 1000 when it defines it. */
    private static double[] scores(List<GrepLine> matches, String query) {
        int n = matches.size();
        List<String> identifiers = QueryTerms.identifiers(query);
        double[] score = new double[n];
        List<String> docs = new ArrayList<>(n);
        for (GrepLine m : matches) docs.add(m.path() + " " + m.content());
        double[] bm25 = Bm25.index(docs).scores(query);
        for (int i = 0; i < n; i++) {
            String text = matches.get(i).content();
            double s = bm25[i];
            for (String id : identifiers) {
                if (text.contains(id) && TextLines.containsWord(text, id)) {
                    s += isDefinition(text, id) ? 1000 : 100;
                }
            }
            score[i] = s;
        }
        return score;
    }

    private boolean[] select(List<GrepLine> matches, double[] score) {
        int n = matches.size();
        boolean[] keep = new boolean[n];
        int budget = maxMatches;
        keep[0] = true;
        keep[n - 1] = true;
        budget -= 2;
        Integer[] order = byScore(score);
        // exact identifier hits (definitions first, as the order puts them) come before diversity
        for (Integer i : order) {
            if (budget <= 0 || score[i] < 100) break;
            if (!keep[i]) {
                keep[i] = true;
                budget--;
            }
        }
        budget = keepOnePerFile(matches, order, keep, budget);
        for (Integer i : order) {
            if (budget <= 0 || score[i] <= 0) break;
            if (!keep[i]) {
                keep[i] = true;
                budget--;
            }
        }
        return keep;
    }

    /** The best line of each of the files with most matches, where none is kept yet. */
    private static int keepOnePerFile(List<GrepLine> matches, Integer[] order, boolean[] keep, int budget) {
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (GrepLine m : matches) perFile.merge(m.path(), 1, Integer::sum);
        List<String> top = perFile.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(DIVERSE_FILES).map(Map.Entry::getKey).toList();
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < keep.length; i++) if (keep[i]) covered.add(matches.get(i).path());
        for (Integer i : order) {
            if (budget <= 0) break;
            String path = matches.get(i).path();
            if (top.contains(path) && covered.add(path)) {
                keep[i] = true;
                budget--;
            }
        }
        return budget;
    }

    /** Indices by descending score; ties keep the original order. */
    private static Integer[] byScore(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]));
        return order;
    }

    /** {@code def reconcile(}, {@code class Reconcile:}, {@code public void reconcile(} ... */
    static boolean isDefinition(String content, String identifier) {
        String t = content.strip();
        int at = t.indexOf(identifier);
        if (at <= 0) return false;
        String before = t.substring(0, at).strip();
        for (String k : DEFINITION_KEYWORDS) {
            if (before.equals(k) || before.endsWith(" " + k)) return true;
        }
        // Java / C# / C style: a type then the name, then a parameter list: "public static int reconcile("
        String after = t.substring(at + identifier.length()).stripLeading();
        boolean declarator = before.startsWith("public ") || before.startsWith("private ") || before.startsWith("protected ")
                || before.startsWith("static ") || before.startsWith("export ");
        return declarator && (after.startsWith("(") || after.startsWith("{") || after.startsWith("=") || after.startsWith("<"));
    }

    private static String render(List<GrepLine> matches, List<String> others, boolean[] keep, double[] score,
                                 CompressionContext context) {
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            String path = matches.get(i).path();
            byFile.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
            if (keep[i]) best.merge(path, score[i], Math::max);
        }
        // most relevant file first (stable: equally relevant files keep their order)
        List<Map.Entry<String, List<Integer>>> files = new ArrayList<>(byFile.entrySet());
        files.sort(Comparator.comparingDouble(e -> -best.getOrDefault(e.getKey(), -1.0)));
        StringBuilder sb = new StringBuilder();
        int keptOthers = Math.min(others.size(), MAX_OTHER_LINES);
        for (int i = 0; i < keptOthers; i++) sb.append(others.get(i)).append('\n');
        if (others.size() > keptOthers) {
            sb.append("... ").append(others.size() - keptOthers).append(" other lines omitted ...\n");
        }
        List<String> unlisted = new ArrayList<>();
        int unlistedMatches = 0;
        for (Map.Entry<String, List<Integer>> e : files) {
            int kept = 0;
            for (int i : e.getValue()) {
                if (keep[i]) {
                    sb.append(matches.get(i).text()).append('\n');
                    kept++;
                }
            }
            int dropped = e.getValue().size() - kept;
            if (kept == 0) {
                unlisted.add(e.getKey() + " (" + dropped + ")");
                unlistedMatches += dropped;
            } else if (dropped > 0) {
                sb.append(e.getKey()).append(": ").append(dropped).append(dropped == 1 ? " more match" : " more matches").append('\n');
            }
        }
        if (!unlisted.isEmpty()) {
            sb.append("... ").append(String.format(Locale.ROOT, "%,d", unlistedMatches)).append(" matches in ")
                    .append(unlisted.size()).append(unlisted.size() == 1 ? " more file: " : " more files: ")
                    .append(String.join(", ", unlisted.subList(0, Math.min(MAX_LISTED_FILES, unlisted.size()))));
            if (unlisted.size() > MAX_LISTED_FILES) sb.append(", ...");
            sb.append('\n');
        }
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        String marker = context == null ? "" : context.marker(matches.size(), kept, "matches");
        if (marker.isEmpty()) {
            sb.setLength(sb.length() - 1);
        } else {
            sb.append(marker);
        }
        return sb.toString();
    }
}
