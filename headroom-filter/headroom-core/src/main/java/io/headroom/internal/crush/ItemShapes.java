package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Pattern identity of array items: a 64-bit hash of the {@link ShapeText shape} of each item's text, worked out
 * from the item's structure instead of its text.
 *
 * <p>Why: an object item's text ({@link ItemFacts}) is its keys and scalar values in document order, separated by
 * spaces, and a shape never spans a space, so the shape is the sequence of the shapes of those parts. The keys
 * repeat in every item of an array (a third or more of the text of a row or log line), so each key's shape is
 * hashed once per array; whole numbers are {@code #} or {@code -#} without formatting them; only string values
 * (and decimals) are shaped character by character. Items whose parts have the same shapes get the same hash.
 * Items with equal shape text but differently split parts ({"a b": 1} and {"a": "b", ...}) are rare enough to be
 * two patterns. Not thread-safe: one per array.
 */
final class ItemShapes {
    private static final long NEXT = 0x9E3779B97F4A7C15L;
    private static final long TEXT_ITEM = 0x632BE59BD9B4E019L;

    private final List<JsonNode> items;
    private final ShapeText.Hasher texts = new ShapeText.Hasher();
    private final NameMemo<Long> keys = new NameMemo<>(texts::hash);
    private int position;
    private final long digits;
    private final long negative;
    private final long decimal;
    private final long negativeDecimal;

    ItemShapes(List<JsonNode> items) {
        this.items = items;
        this.digits = texts.hash("#");
        this.negative = texts.hash("-#");
        this.decimal = texts.hash("#.#");
        this.negativeDecimal = texts.hash("-#.#");
    }

    /** The shape hash of item {@code i}. */
    long hash(int i) {
        JsonNode item = items.get(i);
        if (!item.isContainerNode()) {
            return TEXT_ITEM ^ (item.isTextual() ? texts.hash(item.textValue()) : valueHash(item));
        }
        position = 0;
        long h = walk(item, 0, 1);
        return ShapeText.mix(h);
    }

    private long walk(JsonNode node, int depth, long h) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                h = part(h, keys.get(position++, e.getKey()));
                JsonNode value = e.getValue();
                if (value.isValueNode()) {
                    if (!value.isNull()) h = part(h, valueHash(value));
                } else if (depth < ItemFacts.MAX_DEPTH) {
                    h = walk(value, depth + 1, h);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (child.isValueNode()) {
                    if (!child.isNull()) h = part(h, valueHash(child));
                } else if (depth < ItemFacts.MAX_DEPTH) {
                    h = walk(child, depth + 1, h);
                }
            }
        }
        return h;
    }

    private static long part(long h, long partHash) {
        return (h ^ partHash) * NEXT + 1;
    }

    /** The shape hash of a scalar's text as {@link ItemFacts} writes it. */
    private long valueHash(JsonNode value) {
        if (value instanceof IntNode || value instanceof LongNode || value instanceof ShortNode) {
            return value.longValue() < 0 ? negative : digits;
        }
        if (value instanceof BigIntegerNode) {
            return value.bigIntegerValue().signum() < 0 ? negative : digits;
        }
        if (value instanceof DecimalNode) {
            BigDecimal d = value.decimalValue();
            // plain notation ("474.03", "-0.5", "12"): digit runs around one point; otherwise shape the text
            if (d.scale() == 0) return d.signum() < 0 ? negative : digits;
            if (d.scale() > 0 && d.precision() - d.scale() - 1 >= -6) return d.signum() < 0 ? negativeDecimal : decimal;
        }
        return texts.hash(value.isTextual() ? value.textValue() : value.asText());
    }
}
