package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemShapesTest {
    /** Decimals as the crusher reads them. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @Test
    void itemsWithTheSameShapeHashEqually() throws Exception {
        List<JsonNode> items = parse("""
                [{"id": 1, "msg": "req-ab12 ok", "v": 4.5, "tags": ["a", 7], "x": null},
                 {"id": 2207, "msg": "req-ff01 ok", "v": 10.25, "tags": ["a", 3], "x": null},
                 {"id": -3, "msg": "req-ab12 ok", "v": 4.5, "tags": ["a", 7], "x": null},
                 {"id": 1, "msg": "req-ab12 failed", "v": 4.5, "tags": ["a", 7], "x": null},
                 {"id": 1, "msg": "req-ab12 ok", "v": 4.5, "tags": ["a", 7], "x": true}]""");
        ItemShapes shapes = new ItemShapes(items);
        assertEquals(shapes.hash(0), shapes.hash(1), "ids, counters and decimals are masked");
        assertNotEquals(shapes.hash(0), shapes.hash(2), "a sign is part of the shape");
        assertNotEquals(shapes.hash(0), shapes.hash(3), "words are part of the shape");
        assertNotEquals(shapes.hash(0), shapes.hash(4), "a value where there was null");
    }

    /**
     * With no space inside a key or a value, an item's text splits back into its parts, so equal hashes must
     * mean equal shape texts and equal shape texts equal hashes: the structural hash is the text shape's.
     */
    @Test
    void agreesWithTheShapeOfTheItemText() throws Exception {
        Random random = new Random(5);
        String[] words = {"ok", "fail", "req-ab12", "req-9f9f", "x2", "Service12", "2026-03-14T09:00:03Z", "", "E10"};
        String[] numbers = {"1", "-7", "4.5", "-0.25", "1e3", "1.5E-9", "0.0000001", "12345678901234567890", "3.0",
            "-9223372036854775808", "9223372036854775807", "1000000000000000000", "-10"};
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder("{");
            int fields = 1 + random.nextInt(3);
            for (int f = 0; f < fields; f++) {
                if (f > 0) sb.append(", ");
                sb.append("\"k").append(random.nextInt(2)).append("\": ");
                switch (random.nextInt(6)) {
                    case 0 -> sb.append('"').append(words[random.nextInt(words.length)]).append('"');
                    case 1 -> sb.append(numbers[random.nextInt(numbers.length)]);
                    case 2 -> sb.append("null");
                    case 3 -> sb.append(random.nextBoolean());
                    case 4 -> sb.append("{\"n\": ").append(numbers[random.nextInt(numbers.length)]).append('}');
                    default -> sb.append("[\"").append(words[random.nextInt(words.length)]).append("\", 5]");
                }
            }
            String json = sb.append('}').toString();
            if (json.contains("\"k0\": ") && json.indexOf("\"k0\": ") != json.lastIndexOf("\"k0\": ")) continue;
            if (json.contains("\"k1\": ") && json.indexOf("\"k1\": ") != json.lastIndexOf("\"k1\": ")) continue;
            items.add(MAPPER.readTree(json));
        }
        ItemShapes shapes = new ItemShapes(items);
        Map<Long, String> shapeByHash = new HashMap<>();
        Map<String, Long> hashByShape = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            long hash = shapes.hash(i);
            String shape = ShapeText.of(ItemFacts.of(items.get(i)).text());
            String earlier = shapeByHash.putIfAbsent(hash, shape);
            if (earlier != null) assertEquals(earlier, shape, "one hash, one shape: " + items.get(i));
            Long earlierHash = hashByShape.putIfAbsent(shape, hash);
            if (earlierHash != null) assertEquals(earlierHash, hash, "one shape, one hash: " + items.get(i));
        }
        assertTrue(shapeByHash.size() > 100, "many shapes compared: " + shapeByHash.size());
    }

    @Test
    void textItemsHashTheirShape() throws Exception {
        List<JsonNode> items = parse("[\"took 41ms\", \"took 7ms\", \"took long\", 12, 13]");
        ItemShapes shapes = new ItemShapes(items);
        assertEquals(shapes.hash(0), shapes.hash(1));
        assertNotEquals(shapes.hash(0), shapes.hash(2));
        assertEquals(shapes.hash(3), shapes.hash(4));
    }

    private static List<JsonNode> parse(String json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        MAPPER.readTree(json).forEach(out::add);
        return out;
    }
}
