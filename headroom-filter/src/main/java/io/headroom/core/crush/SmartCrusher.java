package io.headroom.core.crush;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.core.HeadroomConfig;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compresses JSON tool output by shrinking its large arrays to the items that matter (see the seed docs
 * smart-crusher.md and limitations.md).
 *
 * <p>Arrays are found at the top level and inside objects and arrays, down to {@value #MAX_DEPTH} levels. An
 * array of at least {@code min-items-to-analyze} items is crushed according to its kind:
 * <ul>
 *   <li><b>objects, strings or a mix</b>: the array keeps its place and becomes
 *   {@code [{"_headroom": "<marker>", ...header}, kept item, kept item, ...]} with the kept items in their
 *   original order. The header object is always the first element. For object arrays it carries
 *   {@code "_constant_fields": {...}} (fields that had the same value in every item; they are removed from the
 *   kept items); for string arrays with duplicates {@code "_unique_items": u} (exact duplicates were removed).</li>
 *   <li><b>numbers</b>: the array becomes
 *   {@code {"_headroom": "<marker>", "summary": {count,min,max,mean,stddev,p50,p90,p99}, "first": [...],
 *   "last": [...], "outliers": [{"index","value"}], "change_points": [{"index","mean_before","mean_after"}]}}.</li>
 * </ul>
 * The marker reads {@code [N items compressed to M. Retrieve more: hash=<ccrHash>]}. Everything else (other
 * fields, bool-only arrays, small arrays) is kept as is; the output is compact JSON.
 *
 * <p>Fails open: malformed JSON, nothing worth crushing, or a result that is not strictly shorter than the
 * input yields {@link CrushResult#unchanged(String)}. Instances are immutable and thread-safe.
 */
public final class SmartCrusher {

    static final int MAX_DEPTH = 5;
    static final String CONSTANT_FIELDS = "_constant_fields";
    static final String UNIQUE_ITEMS = "_unique_items";

    private final HeadroomConfig config;
    private final ObjectMapper mapper;
    private final ItemSelector selector;
    private final NumberArraySummarizer numbers;

    public SmartCrusher(HeadroomConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.mapper = JsonMapper.builder()
                // Duplicate keys or trailing garbage would be silently lost on re-serialization: refuse them.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keep decimals exactly as written ("100.0", "-99231.57") rather than via double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        JsonNodeFactory nodes = mapper.getNodeFactory();
        this.selector = new ItemSelector(config);
        this.numbers = new NumberArraySummarizer(nodes, config.keepFirst(), config.keepLast(), config.anomalyStdThreshold());
    }

    /**
     * @param content one tool output's text
     * @param query   the latest user question, used to keep matching items; may be null or blank
     * @param ccrHash the key the caller stores the original under, quoted in every marker
     */
    public CrushResult crush(String content, String query, String ccrHash) {
        if (content == null || content.isBlank()) return CrushResult.unchanged(content);
        try {
            String first = content.stripLeading();
            if (first.charAt(0) != '[' && first.charAt(0) != '{') return CrushResult.unchanged(content);
            JsonNode root = mapper.readTree(content);
            Pass pass = new Pass(query, ccrHash == null ? "" : ccrHash);
            JsonNode out = pass.visit(root, 0);
            if (pass.originalItems == 0) return CrushResult.unchanged(content);
            String text = mapper.writeValueAsString(out);
            if (text.length() >= content.length()) return CrushResult.unchanged(content);
            return new CrushResult(true, text, pass.originalItems, pass.keptItems);
        } catch (JsonProcessingException | RuntimeException e) {
            // Not JSON (or not JSON we can rewrite faithfully): the caller sends the original.
            return CrushResult.unchanged(content);
        }
    }

    /** One crush call's traversal state; never shared between calls. */
    private final class Pass {
        private final String query;
        private final String hash;
        int originalItems;
        int keptItems;

        Pass(String query, String hash) {
            this.query = query;
            this.hash = hash;
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
            boolean allScalars = true;
            boolean allBooleans = true;
            boolean allStrings = true;
            boolean allObjects = true;
            for (JsonNode item : array) {
                allNumbers &= item.isNumber();
                allBooleans &= item.isBoolean() || item.isNull();
                allStrings &= item.isTextual();
                allObjects &= item.isObject();
                allScalars &= item.isValueNode();
            }
            if (allBooleans) return null;
            if (!allScalars && !allObjects && !hasObjectsOrScalars(array)) return null; // arrays of arrays
            JsonNode replacement;
            int kept;
            if (allNumbers) {
                NumberArraySummarizer.Summary s = numbers.summarize(array, hash);
                replacement = s.node();
                kept = s.keptCount();
            } else if (allStrings) {
                StringsCrush s = crushStrings(array);
                if (s == null) return null;
                replacement = s.node;
                kept = s.kept;
            } else {
                List<JsonNode> items = new ArrayList<>(n);
                array.forEach(items::add);
                BitSet keep = selector.select(items, query);
                kept = keep.cardinality();
                if (kept >= n) return null;
                replacement = buildItems(items, keep, allObjects ? constantFields(items) : Map.of(), n, kept, null);
            }
            if (kept >= n) return null;
            if (mapper.writeValueAsString(replacement).length() >= mapper.writeValueAsString(array).length()) {
                return null;
            }
            originalItems += n;
            keptItems += kept;
            if (replacement.isArray()) {
                // Kept items may themselves hold large arrays (e.g. one result's event list); element 0 is the header.
                visitElements((ArrayNode) replacement, depth, 1);
            }
            return replacement;
        }

        private boolean hasObjectsOrScalars(ArrayNode array) {
            for (JsonNode item : array) if (!item.isArray()) return true;
            return false;
        }

        private StringsCrush crushStrings(ArrayNode array) {
            Map<String, JsonNode> unique = new LinkedHashMap<>();
            for (JsonNode item : array) unique.putIfAbsent(item.textValue(), item);
            List<JsonNode> items = new ArrayList<>(unique.values());
            BitSet keep = items.size() < config.minItemsToAnalyze() ? allOf(items.size()) : selector.select(items, query);
            int kept = keep.cardinality();
            if (kept >= array.size()) return null;
            Integer uniqueCount = items.size() < array.size() ? items.size() : null;
            return new StringsCrush(buildItems(items, keep, Map.of(), array.size(), kept, uniqueCount), kept);
        }

        private ArrayNode buildItems(List<JsonNode> items, BitSet keep, Map<String, JsonNode> constants,
                                     int originalCount, int kept, Integer uniqueCount) {
            ArrayNode out = mapper.getNodeFactory().arrayNode(kept + 1);
            ObjectNode header = out.addObject();
            header.put(CrushMarker.KEY, CrushMarker.text(originalCount, kept, hash));
            if (!constants.isEmpty()) header.putObject(CONSTANT_FIELDS).setAll(constants);
            if (uniqueCount != null) header.put(UNIQUE_ITEMS, uniqueCount);
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
                JsonNode item = items.get(i);
                if (!constants.isEmpty() && item.isObject()) {
                    ObjectNode copy = mapper.getNodeFactory().objectNode();
                    for (Map.Entry<String, JsonNode> e : item.properties()) {
                        if (!constants.containsKey(e.getKey())) copy.set(e.getKey(), e.getValue());
                    }
                    item = copy;
                }
                out.add(item);
            }
            return out;
        }
    }

    private record StringsCrush(ArrayNode node, int kept) {
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
