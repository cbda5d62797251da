package io.headroom.properties;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Tool output texts of the kinds agents produce, built deterministically from a seed so jqwik can
 * reproduce a failing case from its seed: large JSON arrays of records, log files, prose, and small
 * outputs that stay below every threshold.
 */
final class ToolOutputs {
    enum Kind { JSON_ARRAY, LOG, TEXT, SMALL }

    private static final String[] WORDS = {"cache", "request", "latency", "user", "order", "invoice", "shipping",
            "the", "a", "was", "retry", "timeout", "database", "index", "query", "result", "payment", "queue",
            "worker", "deploy", "region", "über", "naïve", "東京", "emoji🙂"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] STATUS = {"ok", "ok", "ok", "pending", "failed", "error: connection reset"};

    private ToolOutputs() {
    }

    static String make(Kind kind, int size, long seed) {
        Random r = new Random(seed);
        return switch (kind) {
            case JSON_ARRAY -> jsonArray(r, 10 + size);
            case LOG -> log(r, 20 + size * 2);
            case TEXT -> text(r, 5 + size / 3);
            case SMALL -> sentence(r, 1 + size % 8);
        };
    }

    private static String jsonArray(Random r, int n) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode o = a.addObject();
            o.put("id", 1000 + i);
            o.put("name", WORDS[r.nextInt(WORDS.length)] + "-" + r.nextInt(500));
            o.put("status", STATUS[r.nextInt(STATUS.length)]);
            o.put("score", Math.round(r.nextDouble() * 1000) / 1000.0);
            if (r.nextBoolean()) {
                o.putArray("tags").add(WORDS[r.nextInt(WORDS.length)]).add(WORDS[r.nextInt(WORDS.length)]);
            }
            o.put("note", sentence(r, 3 + r.nextInt(8)));
        }
        return r.nextBoolean() ? a.toString() : a.toPrettyString();
    }

    private static String log(Random r, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String level = LEVELS[r.nextInt(LEVELS.length)];
            sb.append(String.format("2024-06-01T12:%02d:%02d.%03dZ %-5s [%s] %s%n", (i / 60) % 60, i % 60,
                    r.nextInt(1000), level, WORDS[r.nextInt(WORDS.length)], sentence(r, 4 + r.nextInt(6))));
        }
        return sb.toString();
    }

    private static String text(Random r, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0; s < 3 + r.nextInt(4); s++) {
                sb.append(sentence(r, 6 + r.nextInt(12))).append(". ");
            }
            sb.append("\n\n");
        }
        return sb.toString();
    }

    private static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
