package io.headroom.internal.structured;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.CrusherConfig;
import io.headroom.internal.crush.RowSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Compresses YAML whose bulk is records: long multi-document streams ({@code helm template}, {@code kubectl get
 * -o yaml} of many resources; each document an item) and long block sequences of mappings ({@code items:} of a
 * List, values lists). Each item becomes a JSON object for {@link RowSelector}; kept items keep their original
 * lines verbatim, each stretch of dropped ones becomes one comment line at the items' indentation
 * ({@code # 37 items omitted}), so the result parses to the same structure for what is kept. Long sequences
 * inside kept items are compressed the same way. The retrieval marker is a comment line at the end. YAML without
 * a long run, and text that does not parse, go to the fallback; items that cannot be located line by line are
 * left as they are. Thread-safe.
 */
public final class YamlCompressor implements ContentCompressor {
    private final RowSelector selector;
    private final ContentCompressor fallback;

    /** Leaves YAML without a long run (and text that is not YAML) unchanged. */
    public YamlCompressor(CrusherConfig config) {
        this(config, (content, context) -> Compressed.unchanged(content));
    }

    /**
     * @param fallback compresses what has no long run to select from, or does not parse: the text path, which
     *                 is what such YAML went to before it was detected as YAML
     */
    public YamlCompressor(CrusherConfig config, ContentCompressor fallback) {
        this.selector = new RowSelector(config);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        List<YamlStream.Document> docs = YamlShape.parsed(content);
        if (docs == null || !YamlItems.hasLongRun(docs)) return fallback.compress(content, context);
        Lines lines = new Lines(content);
        String query = context == null ? null : context.query();
        Splice splice = new Splice();
        int[] counts = new int[2]; // items in compressed runs, items kept
        Deque<Node> todo = new ArrayDeque<>();
        List<Node> roots = docs.stream().map(YamlStream.Document::root).filter(Objects::nonNull).toList();
        if (roots.size() == docs.size() && YamlItems.areRecords(roots) && documentsLocatable(docs)) {
            int[] starts = new int[docs.size()];
            for (int i = 0; i < starts.length; i++) starts[i] = docs.get(i).startLine();
            int end = lines.count(); // the last document runs to the end of the text
            BitSet keep = compressRun(roots, starts, end, 0, "document", query, lines, splice, counts);
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) todo.push(roots.get(i));
        } else {
            for (Node root : roots) todo.push(root);
        }
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 1_000_000) {
            Node n = todo.pop();
            if (n instanceof SequenceNode s && YamlItems.isRecordSequence(s)) {
                int[] dashLines = dashLines(s, lines);
                int end = dashLines == null ? -1 : endLine(s.getValue().get(s.getValue().size() - 1), lines);
                if (dashLines != null && end > dashLines[dashLines.length - 1]) {
                    int indent = YamlStream.line(s.getStartMark()) < 0 ? 0 : s.getStartMark().get().getColumn();
                    BitSet keep = compressRun(s.getValue(), dashLines, end, indent, "item", query, lines, splice, counts);
                    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) todo.push(s.getValue().get(i));
                    continue;
                }
            }
            if (n instanceof SequenceNode s) {
                for (Node c : s.getValue()) todo.push(c);
            } else if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) todo.push(t.getValueNode());
            }
        }
        if (splice.isEmpty()) return Compressed.unchanged(content);
        String out = splice.apply(content);
        String marker = context == null ? "" : context.marker(counts[0], counts[1], "items");
        if (!marker.isEmpty()) out = out + (out.endsWith("\n") ? "" : "\n") + "# " + marker + "\n";
        return new Compressed(true, out, counts[0], counts[1]);
    }

    /**
     * Selects from one run and replaces each stretch of dropped items (item i spans lines {@code starts[i]} up
     * to the next item's first line, the last one up to {@code end}) with one comment line.
     */
    private BitSet compressRun(List<Node> items, int[] starts, int end, int indent, String unit, String query,
                               Lines lines, Splice splice, int[] counts) {
        BitSet keep = select(items, query);
        int n = items.size();
        counts[0] += n;
        counts[1] += keep.cardinality();
        for (int j = keep.nextClearBit(0); j < n; ) {
            int stop = keep.nextSetBit(j);
            if (stop < 0) stop = n;
            int from = lines.start(starts[j]);
            int to = lines.start(stop < n ? starts[stop] : end);
            int count = stop - j;
            String note = " ".repeat(indent) + "# " + count + " " + unit + (count == 1 ? "" : "s") + " omitted\n";
            if (!splice.covers(from, to)) splice.replace(from, to, note);
            j = stop >= n ? n : keep.nextClearBit(stop);
        }
        return keep;
    }

    /**
     * Selection per kind of item: a {@code helm template} stream mixes ServiceAccounts, ConfigMaps, Services and
     * Deployments, and a field only Deployments have (a container's {@code privileged} flag) is a rare value
     * among Deployments but would be a rare <em>field</em> drowned by the other kinds if all were one array.
     * Kinds with fewer than {@link YamlItems#MIN_ITEMS} items are kept whole.
     */
    private BitSet select(List<Node> items, String query) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) groups.computeIfAbsent(YamlItems.kind(items.get(i)), k -> new ArrayList<>()).add(i);
        BitSet keep = new BitSet(items.size());
        for (List<Integer> group : groups.values()) {
            if (group.size() < YamlItems.MIN_ITEMS) {
                for (int i : group) keep.set(i);
                continue;
            }
            List<JsonNode> rows = new ArrayList<>(group.size());
            for (int i : group) rows.add(YamlItems.row(items.get(i)));
            BitSet kept = selector.select(rows, query).rows();
            for (int j = kept.nextSetBit(0); j >= 0; j = kept.nextSetBit(j + 1)) keep.set(group.get(j));
        }
        return keep;
    }

    /** Every document after the first starts with {@code ---} on its own line, in increasing order. */
    private static boolean documentsLocatable(List<YamlStream.Document> docs) {
        for (int i = 1; i < docs.size(); i++) {
            if (!docs.get(i).explicit() || docs.get(i).startLine() <= docs.get(i - 1).startLine()) return false;
        }
        return true;
    }

    /**
     * The line of each item's dash, or null when some item's dash is not alone at the sequence's column with
     * only spaces before it ({@code - - a}, flow-ish layouts): such sequences are left as they are.
     */
    static int[] dashLines(SequenceNode s, Lines lines) {
        if (s.getStartMark().isEmpty()) return null;
        int column = s.getStartMark().get().getColumn();
        List<Node> items = s.getValue();
        int[] out = new int[items.size()];
        int previous = -1;
        for (int i = 0; i < out.length; i++) {
            int line = YamlStream.line(items.get(i).getStartMark());
            if (line < 0) return null;
            if (!isDashAt(lines.text(line), column)) {
                line--; // "-" alone on the line above its item
                if (line < 0 || !lines.text(line).strip().equals("-") || !isDashAt(lines.text(line), column)) return null;
            }
            if (line <= previous) return null;
            out[i] = line;
            previous = line;
        }
        return out;
    }

    private static boolean isDashAt(String line, int column) {
        if (line.length() <= column || line.charAt(column) != '-') return false;
        for (int i = 0; i < column; i++) if (line.charAt(i) != ' ') return false;
        return line.length() == column + 1 || line.charAt(column + 1) == ' ';
    }

    /** The line after the last one holding any of {@code item}'s content, or -1. */
    static int endLine(Node item, Lines lines) {
        int last = -1;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(item);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 1_000_000) {
            Node n = todo.pop();
            // a block collection ends where the next token starts, lines later; leaves and flow collections end exactly
            boolean exact = !(n instanceof MappingNode || n instanceof SequenceNode) || isFlow(n);
            if (exact && n.getEndMark().isPresent()) {
                Mark m = n.getEndMark().get();
                last = Math.max(last, m.getColumn() == 0 ? m.getLine() - 1 : m.getLine());
            }
            if (n instanceof SequenceNode s) {
                for (Node c : s.getValue()) todo.push(c);
            } else if (n instanceof MappingNode mapping) {
                for (NodeTuple t : mapping.getValue()) {
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            }
        }
        return last < 0 ? -1 : Math.min(last + 1, lines.count());
    }

    private static boolean isFlow(Node n) {
        return n instanceof SequenceNode s ? s.getFlowStyle() == org.snakeyaml.engine.v2.common.FlowStyle.FLOW
                : n instanceof MappingNode m && m.getFlowStyle() == org.snakeyaml.engine.v2.common.FlowStyle.FLOW;
    }

    /** Start offsets of the text's lines (split at {@code \n}; {@code \r\n} ends a line as one break). */
    static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (i + 1 < text.length()) s.add(i + 1);
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int count() {
            return starts.length;
        }

        /** Offset where line {@code line} starts; the text's length for the line after the last. */
        int start(int line) {
            return line >= starts.length ? text.length() : starts[line];
        }

        String text(int line) {
            int end = line + 1 < starts.length ? starts[line + 1] : text.length();
            String l = text.substring(starts[line], end);
            return l.endsWith("\r\n") ? l.substring(0, l.length() - 2) : l.endsWith("\n") ? l.substring(0, l.length() - 1) : l;
        }
    }
}
