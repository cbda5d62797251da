package io.headroom.internal.text;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compresses prose (docs, articles, READMEs) by keeping whole paragraphs: every heading, the first and last
 * paragraph, paragraphs relevant to the user's question (BM25), paragraphs holding identifiers / hashes /
 * error codes, then the best remaining ones until about {@link #TARGET_FRACTION} of the original characters.
 * Dropped runs become {@code [... N paragraphs omitted ...]}; the CCR marker counts paragraphs.
 */
public final class TextCompressor implements ContentCompressor {

    /** Content with fewer words is left alone: the marker would cost more than it saves. */
    public static final int MIN_WORDS = 50;
    /** Kept paragraphs fill up to this share of the original characters (mandatory ones may exceed it). */
    public static final double TARGET_FRACTION = 0.40;
    /** Below this saving the original is worth more than the few characters gained. */
    static final double MIN_SAVING = 0.10;
    /** A query hit scoring at least this share of the best hit is kept regardless of the budget. */
    private static final double STRONG_MATCH = 0.5;

    public TextCompressor() {
    }

    /** A reduced text without marker, and how many blocks it had and kept. */
    public record Reduction(String text, int originalBlocks, int keptBlocks) {
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        try {
            if (content == null || content.isBlank()) return Compressed.unchanged(content);
            Reduction r = reduce(content, context == null ? null : context.query());
            if (r == null) return Compressed.unchanged(content);
            String marker = context == null ? "" : context.marker(r.originalBlocks(), r.keptBlocks(), "paragraphs");
            String out = marker.isEmpty() ? r.text() : r.text() + "\n" + marker;
            if (out.length() >= content.length()) return Compressed.unchanged(content);
            return new Compressed(true, out, r.originalBlocks(), r.keptBlocks());
        } catch (RuntimeException e) {
            return Compressed.unchanged(content);
        }
    }

    /**
     * Selects paragraphs of {@code text} as described on the class; null when the text is too short, has too
     * few paragraphs to choose from, or the result would not save at least {@link #MIN_SAVING}.
     */
    public Reduction reduce(String text, String query) {
        if (text == null || Words.count(text) < MIN_WORDS) return null;
        List<TextBlock> blocks = TextBlocks.split(text);
        int n = blocks.size();
        if (n < 4) return null;

        boolean[] keep = new boolean[n];
        long budget = Math.round(text.length() * TARGET_FRACTION);
        int firstPara = -1;
        int lastPara = -1;
        for (int i = 0; i < n; i++) {
            if (blocks.get(i).heading()) {
                keep[i] = true;
            } else {
                if (firstPara < 0) firstPara = i;
                lastPara = i;
            }
        }
        if (firstPara < 0) return null;
        keep[firstPara] = true;
        keep[lastPara] = true;

        List<String> texts = new ArrayList<>(n);
        for (TextBlock b : blocks) texts.add(b.text());
        double[] relevance = Bm25.index(texts).scores(query);
        double best = 0;
        for (int i = 0; i < n; i++) if (!blocks.get(i).heading()) best = Math.max(best, relevance[i]);

        AnchorDetector.Strength[] anchors = new AnchorDetector.Strength[n];
        for (int i = 0; i < n; i++) {
            anchors[i] = AnchorDetector.strength(blocks.get(i).text());
            boolean strongMatch = best > 0 && relevance[i] >= STRONG_MATCH * best;
            if (strongMatch || anchors[i] == AnchorDetector.Strength.STRONG) keep[i] = true;
        }

        long used = 0;
        for (int i = 0; i < n; i++) if (keep[i]) used += blocks.get(i).text().length() + 2;

        // Fill the remaining budget with the most useful optional paragraphs.
        List<Integer> optional = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!keep[i]) optional.add(i);
        double[] worth = new double[n];
        for (int i : optional) {
            double w = best > 0 ? relevance[i] / best : 0;
            if (anchors[i] == AnchorDetector.Strength.WEAK) w += 0.4;
            // The paragraph right after a heading usually states what the section is about.
            if (i > 0 && blocks.get(i - 1).heading()) w += 0.3;
            worth[i] = w;
        }
        optional.sort(Comparator.<Integer>comparingDouble(i -> -worth[i]).thenComparingInt(i -> i));
        for (int i : optional) {
            long size = blocks.get(i).text().length() + 2;
            if (used + size > budget) continue;
            keep[i] = true;
            used += size;
        }

        StringBuilder out = new StringBuilder(text.length() / 2);
        int kept = 0;
        int omittedRun = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                if (omittedRun > 0) appendBlock(out, omissionNote(omittedRun));
                omittedRun = 0;
                appendBlock(out, blocks.get(i).text());
                kept++;
            } else {
                omittedRun++;
            }
        }
        if (omittedRun > 0) appendBlock(out, omissionNote(omittedRun));
        if (kept == n || out.length() > text.length() * (1 - MIN_SAVING)) return null;
        return new Reduction(out.toString(), n, kept);
    }

    private static String omissionNote(int count) {
        return "[... " + count + (count == 1 ? " paragraph" : " paragraphs") + " omitted ...]";
    }

    private static void appendBlock(StringBuilder out, String block) {
        if (!out.isEmpty()) out.append("\n\n");
        out.append(block);
    }
}
