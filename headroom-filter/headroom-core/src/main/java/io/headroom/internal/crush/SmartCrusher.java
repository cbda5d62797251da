package io.headroom.internal.crush;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import io.headroom.ToolProfile;
import io.headroom.host.JsonCodec;
import io.headroom.internal.content.ParsingCompressor;
import io.headroom.internal.content.TextLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compresses JSON tool output by shrinking its large arrays to the items that matter (see the seed docs
 * smart-crusher.md and limitations.md).
 *
 * <p>Arrays are found at the top level and inside objects and arrays, down to {@value #MAX_DEPTH} levels
 * (arrays inside kept items included). An array of at least {@code min-items-to-analyze} items is crushed
 * according to its kind; how many items survive is decided by {@link ItemSelector} with an adaptive budget
 * ({@link AdaptiveBudget}):
 * <ul>
 *   <li><b>objects</b>: {@code [{"_headroom": "<marker>", "_constant_fields": {...}}, kept item, ...]} with the
 *   kept items in their original order; fields with the same value in every item are stated once in the
 *   header and removed from the items. With {@code compact-rows}, when kept rows share one scalar field
 *   list, the array becomes
 *   {@code {"_headroom", "_constant_fields", "columns": [...], "rows": [[...], ...]}} ({@link CompactRows}).</li>
 *   <li><b>strings</b>: exact duplicates removed ({@code "_unique_items": u} in the header), then selected like
 *   objects (errors, length anomalies, query matches, adaptive sample).</li>
 *   <li><b>numbers</b>: {@code {"_headroom", "summary": {count,min,max,mean,stddev,p50,p90,p99}, "first",
 *   "last", "outliers": [{index,value}], "change_points": [{index,mean_before,mean_after}]}}.</li>
 *   <li><b>mixed</b>: items grouped by type (objects, strings, numbers, other); each group of at least
 *   min-items-to-analyze is selected on its own with its share of max-items-after-crush (booleans, nulls and arrays form the "other" group), smaller
 *   groups are kept whole;
 *   the kept items stay in their original order after a header
 *   {@code {"_headroom", "_kept_by_type": {"object": [total, kept], ...}}}.</li>
 * </ul>
 * When error items are a common category of an array (see {@link ItemSelector}), only the distinct errors
 * and a sample survive and the header says so: {@code "_errors": {"kept": k, "total": n}}.
 * The marker reads {@code [N items compressed to M. Retrieve more: hash=<ccrHash>]}; with no CCR hash there
 * is no marker (and no header when it would be empty). Everything else is kept as is; the output is compact
 * JSON.
 *
 * <p>Fails open: malformed JSON, nothing worth crushing, or a result that is not strictly shorter than the
 * input yields the input unchanged. Instances are immutable and thread-safe.
 */
public final class SmartCrusher implements ParsingCompressor {

    static final int MAX_DEPTH = 5;
    static final String CONSTANT_FIELDS = "_constant_fields";
    static final String UNIQUE_ITEMS = "_unique_items";
    static final String KEPT_BY_TYPE = "_kept_by_type";
    static final String ERRORS = "_errors";

    private final CrusherConfig config;
    private final ObjectMapper mapper;
    private final ItemSelector selector;
    private final NumberArraySummarizer numbers;
    /** Crushers for tools whose profile overrides max-items-after-crush; built once. */
    private final Map<String, SmartCrusher> byTool;
    /** Learned hints per tool output (TOIN); {@link CrushHints.Source#NONE} without learning. */
    private final CrushHints.Source hintSource;

    public SmartCrusher(CrusherConfig config) {
        this(config, CrushHints.Source.NONE);
    }

    /** A crusher that applies what was learned from retrievals, as {@code hints} provides it per output. */
    public SmartCrusher(CrusherConfig config, CrushHints.Source hints) {
        this(config, null, hints);
    }

    private SmartCrusher(CrusherConfig config, Integer maxItemsOverride, CrushHints.Source hints) {
        this.config = Objects.requireNonNull(config, "config");
        this.hintSource = Objects.requireNonNull(hints, "hints");
        // the request's token cap holds for a tool output's own JSON too: heap and work stay bounded
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(JsonCodec.MAX_TOKEN_COUNT).build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                // Duplicate keys or trailing garbage would be silently lost on re-serialization: refuse them.
                // Duplicates are caught as the tree is built (the map put returns the earlier value), which
                // costs nothing, instead of by the parser's per-object name set (a sixth of the parse).
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keep decimals exactly as written ("100.0", "-99231.57") rather than via double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        JsonNodeFactory nodes = mapper.getNodeFactory();
        int maxItems = maxItemsOverride != null ? maxItemsOverride : config.maxItemsAfterCrush();
        this.selector = new ItemSelector(maxItems, config.keepFirst(), config.keepLast(), config.relevanceThreshold(),
                config.preserveErrors(), config.anomalyStdThreshold());
        this.numbers = new NumberArraySummarizer(nodes, config.keepFirst(), config.keepLast(), config.anomalyStdThreshold());
        Map<String, SmartCrusher> tools = new HashMap<>();
        if (maxItemsOverride == null) {
            for (Map.Entry<String, ToolProfile> e : config.toolProfiles().entrySet()) {
                e.getValue().maxItemsAfterCrush().ifPresent(max -> tools.put(e.getKey(), new SmartCrusher(config, max, hints)));
            }
        }
        this.byTool = Map.copyOf(tools);
    }

    /**
     * Router entry point: applies the profile of {@code context.toolName()} (skip-compression, or its own
     * max-items-after-crush), judges relevance against {@code context.query()} and writes a retrieval marker
     * only when {@code context.ccrHash()} is set.
     */
    @Override
    public Compressed compress(String content, CompressionContext context) {
        Compressed r = compressIfParses(content, context);
        return r != null ? r : Compressed.unchanged(content);
    }

    /**
     * As {@link #compress}, or null when {@code content} is not JSON this crusher parses (nor a tool whose
     * profile skips compression: its output is then routed as the detector decides, as before).
     */
    @Override
    public Compressed compressIfParses(String content, CompressionContext context) {
        String tool = context == null ? null : context.toolName();
        if (tool != null && config.toolProfile(tool).map(ToolProfile::skipCompression).orElse(false)) {
            return null;
        }
        SmartCrusher crusher = tool == null ? this : byTool.getOrDefault(tool, this);
        CrushHints hints = hintSource.hintsFor(tool, content);
        CrushResult r = crusher.crush(content, context == null ? null : context.query(),
                context == null ? null : context.ccrHash(), true, hints);
        if (r == null) return null;
        if (!r.changed()) return Compressed.unchanged(content);
        return new Compressed(true, r.content(), r.originalItemCount(), r.keptItemCount());
    }

    /**
     * @param content one tool output's text
     * @param query   the latest user question, used to keep matching items; may be null or blank
     * @param ccrHash the key the caller stores the original under, quoted in every marker; null: no marker
     */
    public CrushResult crush(String content, String query, String ccrHash) {
        return crush(content, query, ccrHash, false, null);
    }

    /**
     * @param nullIfNotJson return null instead of unchanged when {@code content} does not parse
     * @param hints         learned hints for this output, or null
     */
    private CrushResult crush(String content, String query, String ccrHash, boolean nullIfNotJson, CrushHints hints) {
        CrushResult notJson = nullIfNotJson ? null : CrushResult.unchanged(content);
        if (!TextLines.startsLikeJson(content)) return notJson;
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException | RuntimeException e) {
            return notJson; // not JSON, or not JSON we can rewrite faithfully (duplicate keys, trailing data)
        }
        try {
            Pass pass = new Pass(query, ccrHash, hints);
            JsonNode out = pass.visit(root, 0);
            if (pass.originalItems == 0) return CrushResult.unchanged(content);
            String text = mapper.writeValueAsString(out);
            if (text.length() >= content.length()) return CrushResult.unchanged(content);
            if (hints != null) hints.onApplied().run();
            return new CrushResult(true, text, pass.originalItems, pass.keptItems);
        } catch (JsonProcessingException | RuntimeException e) {
            // JSON we cannot rewrite faithfully: the caller sends the original.
            return CrushResult.unchanged(content);
        }
    }

    /** One crush call's traversal state; never shared between calls. */
    private final class Pass {
        private final String query;
        private final String hash;
        private final CrushHints hints;
        int originalItems;
        int keptItems;

        Pass(String query, String hash, CrushHints hints) {
            this.query = query;
            this.hash = hash;
            this.hints = hints;
        }

        JsonNode visit(JsonNode node, int depth) throws JsonProcessingException {
            if (depth > MAX_DEPTH) return node;
            if (node.isObject()) {
                ObjectNode obj = (ObjectNode) node;
                for (Map.Entry<String, JsonNode> e : obj.properties()) {
                    JsonNode replaced = visit(e.getValue(), depth + 1);
                    if (replaced != e.getValue()) e.setValue(replaced);
                }
                return obj;
            }
            if (node.isArray()) {
                JsonNode crushed = crushArray((ArrayNode) node, depth);
                if (crushed != null) return crushed;
                visitElements((ArrayNode) node, depth, 0);
            }
            return node;
        }

        private void visitElements(ArrayNode array, int depth, int from) throws JsonProcessingException {
            for (int i = from; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (!child.isContainerNode()) continue;
                JsonNode replaced = visit(child, depth + 1);
                if (replaced != child) array.set(i, replaced);
            }
        }

        /** The crushed replacement of {@code array}, or null to keep it (and look inside it). */
        private JsonNode crushArray(ArrayNode array, int depth) throws JsonProcessingException {
            int n = array.size();
            if (n < config.minItemsToAnalyze()) return null;
            boolean allNumbers = true;
            boolean allBooleans = true;
            boolean allStrings = true;
            boolean allObjects = true;
            boolean allArrays = true;
            for (JsonNode item : array) {
                allNumbers &= item.isNumber();
                allBooleans &= item.isBoolean() || item.isNull();
                allStrings &= item.isTextual();
                allObjects &= item.isObject();
                allArrays &= item.isArray();
            }
            if (allBooleans || allArrays) return null;
            Crushed c;
            if (allNumbers) {
                NumberArraySummarizer.Summary s = numbers.summarize(array, hash);
                c = new Crushed(s.node(), s.keptCount(), 0);
            } else if (allStrings) {
                c = crushStrings(array);
            } else if (allObjects) {
                c = crushObjects(array);
            } else {
                c = crushMixed(array);
            }
            if (c == null || c.kept >= n) return null;
            if (!writtenLonger(array, mapper.writeValueAsString(c.node).length())) {
                return null;
            }
            originalItems += n;
            keptItems += c.kept;
            if (c.node.isArray()) {
                // Kept items may themselves hold large arrays (e.g. one result's event list).
                visitElements((ArrayNode) c.node, depth, c.firstItem);
            }
            return c.node;
        }

        private Crushed crushObjects(ArrayNode array) {
            List<JsonNode> items = new ArrayList<>(array.size());
            array.forEach(items::add);
            ItemSelector.Selection selection = selector.select(items, query, hints);
            BitSet keep = selection.kept();
            if (keep.cardinality() >= items.size()) return null;
            Map<String, JsonNode> constants = constantFields(items);
            List<JsonNode> kept = new ArrayList<>(keep.cardinality());
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) kept.add(withoutFields(items.get(i), constants));
            ObjectNode header = header(items.size(), kept.size());
            putErrors(header, selection);
            if (!constants.isEmpty()) header.putObject(CONSTANT_FIELDS).setAll(constants);
            if (config.compactRows()) {
                List<String> columns = CompactRows.columns(kept);
                if (columns != null) {
                    return new Crushed(CompactRows.render(mapper.getNodeFactory(), header, columns, kept), kept.size(), 0);
                }
            }
            return itemsWithHeader(header, kept);
        }

        private Crushed crushStrings(ArrayNode array) {
            Map<String, JsonNode> unique = new LinkedHashMap<>();
            for (JsonNode item : array) unique.putIfAbsent(item.textValue(), item);
            List<JsonNode> items = new ArrayList<>(unique.values());
            ItemSelector.Selection selection = items.size() < config.minItemsToAnalyze() ? null : selector.select(items, query);
            BitSet keep = selection == null ? allOf(items.size()) : selection.kept();
            List<JsonNode> kept = new ArrayList<>(keep.cardinality());
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) kept.add(items.get(i));
            if (kept.size() >= array.size()) return null;
            ObjectNode header = header(array.size(), kept.size());
            if (items.size() < array.size()) header.put(UNIQUE_ITEMS, items.size());
            if (selection != null) putErrors(header, selection);
            return itemsWithHeader(header, kept);
        }

        /** Each type group is selected on its own; the kept items keep their places relative to each other. */
        private Crushed crushMixed(ArrayNode array) {
            int n = array.size();
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (String type : List.of("object", "string", "number", "other")) groups.put(type, new ArrayList<>());
            for (int i = 0; i < n; i++) groups.get(typeOf(array.get(i))).add(i);
            BitSet keep = new BitSet(n);
            Map<String, int[]> counts = new LinkedHashMap<>();
            int[] errors = new int[2]; // total, kept, over the groups where errors were a common category
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                List<Integer> indexes = g.getValue();
                if (indexes.isEmpty()) continue;
                int before = keep.cardinality();
                // Booleans, nulls and nested arrays are selected like the rest: fifty true/false/null values
                // kept whole would cost more than all the other groups together.
                if (indexes.size() < config.minItemsToAnalyze()) {
                    for (int i : indexes) keep.set(i);
                } else {
                    List<JsonNode> items = new ArrayList<>(indexes.size());
                    for (int i : indexes) items.add(array.get(i));
                    ItemSelector.Selection selection = selector.withMaxItems(groupShare(indexes.size(), n)).select(items, query);
                    if (selection.commonErrors()) {
                        errors[0] += selection.errorsTotal();
                        errors[1] += selection.errorsKept();
                    }
                    BitSet local = selection.kept();
                    for (int j = local.nextSetBit(0); j >= 0; j = local.nextSetBit(j + 1)) keep.set(indexes.get(j));
                }
                counts.put(g.getKey(), new int[] {indexes.size(), keep.cardinality() - before});
            }
            if (keep.cardinality() >= n) return null;
            List<JsonNode> kept = new ArrayList<>(keep.cardinality());
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) kept.add(array.get(i));
            ObjectNode header = header(n, kept.size());
            ObjectNode byType = header.putObject(KEPT_BY_TYPE);
            counts.forEach((type, c) -> byType.putArray(type).add(c[0]).add(c[1]));
            if (errors[0] > 0) header.putObject(ERRORS).put("kept", errors[1]).put("total", errors[0]);
            return itemsWithHeader(header, kept);
        }

        /**
         * A type group's share of max-items-after-crush, by its share of the items (at least keep-first +
         * keep-last + 1): the whole array, not each of its up to four groups, gets the budget.
         */
        private int groupShare(int groupSize, int n) {
            int max = selector.maxItems();
            int floor = Math.min(max, config.keepFirst() + config.keepLast() + 1);
            return Math.max(floor, (int) Math.round((double) max * groupSize / n));
        }

        /** A header holding the marker, or an empty one when there is no CCR hash. */
        private ObjectNode header(int originalCount, int keptCount) {
            ObjectNode header = mapper.getNodeFactory().objectNode();
            if (hash != null) header.put(CrushMarker.KEY, CrushMarker.text(originalCount, keptCount, hash));
            return header;
        }

        /**
         * States how many error items exist and how many are kept when errors were a common category and
         * only the distinct ones (and a sample) survived: the model learns that more can be retrieved.
         */
        private void putErrors(ObjectNode header, ItemSelector.Selection selection) {
            if (selection.commonErrors()) {
                header.putObject(ERRORS).put("kept", selection.errorsKept()).put("total", selection.errorsTotal());
            }
        }

        /** {@code [header, item, item, ...]}; the header is left out when it is empty. */
        private Crushed itemsWithHeader(ObjectNode header, List<JsonNode> kept) {
            ArrayNode out = mapper.getNodeFactory().arrayNode(kept.size() + 1);
            int first = 0;
            if (!header.isEmpty()) {
                out.add(header);
                first = 1;
            }
            out.addAll(kept);
            return new Crushed(out, kept.size(), first);
        }

        private JsonNode withoutFields(JsonNode item, Map<String, JsonNode> constants) {
            if (constants.isEmpty() || !item.isObject()) return item;
            ObjectNode copy = mapper.getNodeFactory().objectNode();
            for (Map.Entry<String, JsonNode> e : item.properties()) {
                if (!constants.containsKey(e.getKey())) copy.set(e.getKey(), e.getValue());
            }
            return copy;
        }
    }

    /**
     * Whether {@code node} written as compact JSON is longer than {@code limit} characters. Writing stops as
     * soon as it is: a 1,000-item array is compared with its crushed form of a few KB without serializing
     * (and allocating) all of it.
     */
    private boolean writtenLonger(JsonNode node, int limit) throws JsonProcessingException {
        LengthLimit out = new LengthLimit(limit);
        try {
            mapper.writeValue(out, node);
            return false;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            if (out.exceeded) return true;
            throw new UncheckedIOException(e);
        }
    }

    /** A writer that counts characters and fails once there are more than its limit. */
    private static final class LengthLimit extends Writer {
        private final long limit;
        private long written;
        boolean exceeded;

        LengthLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            add(len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            add(len);
        }

        @Override
        public void write(int c) throws IOException {
            add(1);
        }

        private void add(int len) throws IOException {
            if (exceeded) throw new IOException("length limit exceeded");
            written += len;
            if (written > limit) {
                exceeded = true;
                throw new IOException("length limit exceeded");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * @param node      the replacement
     * @param kept      original items it still carries
     * @param firstItem index of the first kept item in {@code node} when it is an array (after the header)
     */
    private record Crushed(JsonNode node, int kept, int firstItem) {
    }

    private static String typeOf(JsonNode item) {
        if (item.isObject()) return "object";
        if (item.isTextual()) return "string";
        if (item.isNumber()) return "number";
        return "other";
    }

    private static BitSet allOf(int n) {
        BitSet b = new BitSet(n);
        b.set(0, n);
        return b;
    }

    /** Fields present with an identical value in every item (all items are objects). */
    private static Map<String, JsonNode> constantFields(List<JsonNode> items) {
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : items.get(0).properties()) constants.put(e.getKey(), e.getValue());
        for (int i = 1; i < items.size() && !constants.isEmpty(); i++) {
            JsonNode item = items.get(i);
            constants.entrySet().removeIf(c -> !c.getValue().equals(item.get(c.getKey())));
        }
        return constants;
    }
}
