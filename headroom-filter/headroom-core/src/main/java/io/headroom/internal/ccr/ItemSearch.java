package io.headroom.internal.ccr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * BM25 search inside one original. Items are the elements of a JSON array (or of the largest array
 * inside a JSON object, e.g. {@code {"results": [...]}}); anything else is searched line by line.
 */
public final class ItemSearch {
    public static final int MAX_MATCHES = 20;

    private final ObjectMapper mapper = new ObjectMapper();

    public List<String> search(String original, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<String> items = items(original);
        if (items.isEmpty()) {
            return List.of();
        }
        double[] scores = Bm25.index(items).scores(query);
        return IntStream.range(0, items.size())
                .filter(i -> scores[i] > 0)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
                .limit(MAX_MATCHES)
                .map(items::get)
                .toList();
    }

    /** The units a query is matched against: array elements, else non-blank lines. */
    public List<String> items(String original) {
        JsonNode list = jsonItems(original);
        List<String> items = new ArrayList<>();
        if (list != null) {
            for (JsonNode item : list) {
                items.add(item.isTextual() ? item.textValue() : item.toString());
            }
            return items;
        }
        for (String line : original.split("\\R")) {
            if (!line.isBlank()) {
                items.add(line);
            }
        }
        return items;
    }

    private JsonNode jsonItems(String original) {
        String s = original.strip();
        if (!(s.startsWith("[") || s.startsWith("{"))) {
            return null;
        }
        JsonNode root;
        try {
            root = mapper.readTree(s);
        } catch (Exception e) {
            return null; // not JSON after all: search lines
        }
        if (root == null || root.isArray()) {
            return root;
        }
        JsonNode largest = null;
        for (JsonNode v : root) {
            if (v.isArray() && (largest == null || v.size() > largest.size())) {
                largest = v;
            }
        }
        return largest;
    }
}
