package io.headroom.internal.structured;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** What counts as a run of items in YAML, and each item as the flat JSON object RowSelector reads. */
final class YamlItems {
    /** As {@link XmlRuns#MIN_ITEMS}: fewer items are kept whole by the selection anyway. */
    static final int MIN_ITEMS = XmlRuns.MIN_ITEMS;
    /** Share of a run's items that must be mappings: a list of plain strings is prose, not records. */
    static final double MAPPING_SHARE = 0.8;
    /** Mean entries per mapping item: markdown bullets ("- Note: text") parse as one-entry mappings. */
    static final double MIN_MEAN_ENTRIES = 2.0;
    /** Nodes one item's row may visit: aliases can make a small text a large graph. */
    static final int MAX_NODES_PER_ITEM = 5_000;

    private YamlItems() {
    }

    /** Whether these nodes are records: enough of them, mostly mappings of several entries. */
    static boolean areRecords(List<Node> items) {
        if (items.size() < MIN_ITEMS) return false;
        int mappings = 0;
        long entries = 0;
        for (Node n : items) {
            if (n instanceof MappingNode m) {
                mappings++;
                entries += m.getValue().size();
            }
        }
        return mappings >= MAPPING_SHARE * items.size() && entries >= MIN_MEAN_ENTRIES * mappings;
    }

    /** A block sequence (written with dashes) of records. */
    static boolean isRecordSequence(Node node) {
        return node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && areRecords(s.getValue());
    }

    /** True when the stream is a long run of documents or holds a long block sequence of records anywhere. */
    static boolean hasLongRun(List<YamlStream.Document> docs) {
        if (areRecords(docs.stream().map(YamlStream.Document::root).filter(java.util.Objects::nonNull).toList())) return true;
        Deque<Node> todo = new ArrayDeque<>();
        for (YamlStream.Document d : docs) if (d.root() != null) todo.push(d.root());
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 1_000_000) {
            Node n = todo.pop();
            if (isRecordSequence(n)) return true;
            if (n instanceof SequenceNode s) {
                for (Node c : s.getValue()) todo.push(c);
            } else if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) todo.push(t.getValueNode());
            }
        }
        return false;
    }

    /**
     * Whether a stream is mostly mapping/sequence structure: it has a long run ({@link #hasLongRun}), or every
     * document is a collection and somewhere a mapping of several entries and a collection inside a collection
     * occur. A flat mapping of labels to sentences ("Note: ...") and a list of one-entry mappings (markdown
     * bullets "- Fix: ...") are not; a Compose file, a workflow or one Kubernetes resource are.
     */
    static boolean isStructured(List<YamlStream.Document> docs) {
        boolean anyRoot = false;
        for (YamlStream.Document d : docs) {
            if (d.root() == null) continue;
            if (!(d.root() instanceof MappingNode || d.root() instanceof SequenceNode)) return false;
            anyRoot = true;
        }
        if (!anyRoot) return false;
        if (hasLongRun(docs)) return true;
        boolean wideMapping = false;
        boolean nested = false;
        Deque<Node> todo = new ArrayDeque<>();
        for (YamlStream.Document d : docs) if (d.root() != null) todo.push(d.root());
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 1_000_000 && !(wideMapping && nested)) {
            Node n = todo.pop();
            if (n instanceof MappingNode m) {
                wideMapping |= m.getValue().size() >= 2;
                for (NodeTuple t : m.getValue()) {
                    nested |= isCollection(t.getValueNode());
                    todo.push(t.getValueNode());
                }
            } else if (n instanceof SequenceNode s) {
                for (Node c : s.getValue()) {
                    nested |= isCollection(c);
                    todo.push(c);
                }
            }
        }
        return wideMapping && nested;
    }

    private static boolean isCollection(Node n) {
        return n instanceof MappingNode || n instanceof SequenceNode;
    }

    /**
     * What kind of record an item is: its {@code kind} (Kubernetes resources) when it has one, else the names of
     * its top-level keys; items of one kind are selected among themselves.
     */
    static String kind(Node item) {
        if (!(item instanceof MappingNode m)) return "";
        StringBuilder keys = new StringBuilder();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
            if (k.getValue().equals("kind") && t.getValueNode() instanceof ScalarNode v) return "kind=" + v.getValue();
            keys.append(k.getValue()).append('\n');
        }
        return keys.toString();
    }

    /** The item as a flat JSON object: scalar leaves by dotted path (sequence items by index). */
    static JsonNode row(Node item) {
        ItemRow row = new ItemRow();
        Deque<Map.Entry<String, Node>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", item));
        int visited = 0;
        while (!todo.isEmpty() && !row.full() && visited++ < MAX_NODES_PER_ITEM) {
            Map.Entry<String, Node> next = todo.pop();
            String path = next.getKey();
            Node n = next.getValue();
            if (n instanceof ScalarNode s) {
                if (s.getValue().isEmpty() || "null".equals(s.getValue()) || "~".equals(s.getValue())) {
                    row.putNull(path.isEmpty() ? "value" : path);
                } else {
                    row.put(path.isEmpty() ? "value" : path, s.getValue());
                }
            } else if (n instanceof MappingNode m) {
                List<NodeTuple> entries = m.getValue();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    NodeTuple t = entries.get(i);
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    todo.push(Map.entry(ItemRow.child(path, key), t.getValueNode()));
                }
            } else if (n instanceof SequenceNode s) {
                List<Node> items = s.getValue();
                for (int i = items.size() - 1; i >= 0; i--) todo.push(Map.entry(ItemRow.child(path, Integer.toString(i)), items.get(i)));
            }
        }
        return row.build();
    }
}
