package io.headroom.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.internal.tokens.TokenCounter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens spent on verbatim repeats: every occurrence after the first of a line (in text) or of an array
 * item (in JSON) counts. Lines shorter than {@value #MIN_LINE_CHARS} characters or without a letter or
 * digit ({@code "},"}, {@code "---"}) are structure, not repetition, and are ignored.
 */
final class Repetition {
    static final int MIN_LINE_CHARS = 8;

    private Repetition() {
    }

    static int inLines(String text, TokenCounter.Tokenizer tokenizer) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end).strip();
            if (line.length() >= MIN_LINE_CHARS && hasWordChar(line)) {
                counts.merge(line, 1, Integer::sum);
            }
            start = end + 1;
        }
        return repeatedTokens(counts, tokenizer);
    }

    /** Repeated items of every array in {@code root}; a repeated item's own arrays are not counted again. */
    static int inJson(JsonNode root, TokenCounter.Tokenizer tokenizer) {
        int total = 0;
        if (root.isArray()) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, JsonNode> firsts = new HashMap<>();
            for (JsonNode item : root) {
                String key = item.toString(); // compact serialisation: equal items give equal keys
                if (counts.merge(key, 1, Integer::sum) == 1) firsts.put(key, item);
            }
            total += repeatedTokens(counts, tokenizer);
            for (JsonNode first : firsts.values()) {
                total += inJson(first, tokenizer);
            }
        } else if (root.isObject()) {
            for (JsonNode value : root) {
                total += inJson(value, tokenizer);
            }
        }
        return total;
    }

    private static int repeatedTokens(Map<String, Integer> counts, TokenCounter.Tokenizer tokenizer) {
        int total = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) {
                total += tokenizer.count(e.getKey()) * (e.getValue() - 1);
            }
        }
        return total;
    }

    private static boolean hasWordChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) return true;
        }
        return false;
    }
}
