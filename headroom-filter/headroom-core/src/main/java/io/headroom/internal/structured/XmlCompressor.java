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
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compresses XML documents whose bulk is runs of repeated sibling elements (JUnit reports, SOAP answers, feeds):
 * each element of a run becomes a JSON object (attributes and child element texts by path) for
 * {@link RowSelector}, the selected elements stay verbatim and each run of dropped ones becomes one comment,
 * {@code <!-- 37 <testcase> elements omitted -->}. Everything outside long runs is kept as it is, and kept
 * elements' own long runs are compressed the same way. The retrieval marker is a comment after the root.
 * A document without a long run, or that does not parse (or has a DTD), goes to the fallback. Thread-safe.
 */
public final class XmlCompressor implements ContentCompressor {
    private final RowSelector selector;
    private final ContentCompressor fallback;

    /** Leaves documents without a long run (and text that is not XML) unchanged. */
    public XmlCompressor(CrusherConfig config) {
        this(config, (content, context) -> Compressed.unchanged(content));
    }

    /**
     * @param fallback compresses what has no long run to select from, or does not parse: the text path, which
     *                 is what such documents went to before they were detected as XML
     */
    public XmlCompressor(CrusherConfig config, ContentCompressor fallback) {
        this.selector = new RowSelector(config);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        XmlElement root = XmlShape.parsed(content);
        if (root == null || !XmlRuns.hasLongRun(root)) return fallback.compress(content, context);
        String query = context == null ? null : context.query();
        Splice splice = new Splice();
        int items = 0;
        int kept = 0;
        Deque<XmlElement> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            List<XmlElement> children = todo.pop().children;
            for (int i = 0; i < children.size(); ) {
                int end = XmlRuns.runEnd(children, i);
                if (end - i < XmlRuns.MIN_ITEMS) {
                    for (int j = i; j < end; j++) todo.push(children.get(j));
                } else {
                    BitSet keep = select(children.subList(i, end), query);
                    items += end - i;
                    kept += keep.cardinality();
                    omitDropped(children, i, end, keep, splice);
                    for (int j = keep.nextSetBit(0); j >= 0; j = keep.nextSetBit(j + 1)) todo.push(children.get(i + j));
                }
                i = end;
            }
        }
        if (splice.isEmpty()) return Compressed.unchanged(content);
        String out = splice.apply(content);
        String marker = context == null ? "" : context.marker(items, kept, "elements");
        if (!marker.isEmpty()) out = out + (out.endsWith("\n") ? "" : "\n") + comment(marker) + "\n";
        return new Compressed(true, out, items, kept);
    }

    private BitSet select(List<XmlElement> run, String query) {
        List<JsonNode> rows = new ArrayList<>(run.size());
        for (XmlElement e : run) rows.add(row(e));
        return selector.select(rows, query).rows();
    }

    /** One comment in place of each stretch of dropped siblings, from the first one's {@code <} to the last one's {@code >}. */
    private static void omitDropped(List<XmlElement> children, int from, int to, BitSet keep, Splice splice) {
        int n = to - from;
        for (int j = keep.nextClearBit(0); j < n; ) {
            int stop = keep.nextSetBit(j);
            if (stop < 0) stop = n;
            XmlElement first = children.get(from + j);
            XmlElement last = children.get(from + stop - 1);
            int count = stop - j;
            splice.replace(first.start, last.end,
                    comment(count + " <" + first.name + "> element" + (count == 1 ? "" : "s") + " omitted"));
            j = stop >= n ? n : keep.nextClearBit(stop);
        }
    }

    /** An XML comment; "--" may not occur inside one. */
    static String comment(String text) {
        return "<!-- " + text.replace("--", "- -") + " -->";
    }

    /** The element as a flat JSON object: attributes, its own text, children's attributes and texts by path. */
    static JsonNode row(XmlElement element) {
        ItemRow row = new ItemRow();
        Deque<Map.Entry<String, XmlElement>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", element));
        while (!todo.isEmpty() && !row.full()) {
            Map.Entry<String, XmlElement> next = todo.pop();
            String path = next.getKey();
            XmlElement e = next.getValue();
            for (Map.Entry<String, String> a : e.attributes.entrySet()) {
                if (!a.getKey().startsWith("xmlns")) row.put(ItemRow.child(path, a.getKey()), a.getValue());
            }
            String text = e.text();
            if (!text.isEmpty()) row.put(path.isEmpty() ? "text" : path, text);
            for (int i = e.children.size() - 1; i >= 0; i--) {
                XmlElement c = e.children.get(i);
                todo.push(Map.entry(ItemRow.child(path, localName(c.name)), c));
            }
        }
        return row.build();
    }

    private static String localName(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }
}
