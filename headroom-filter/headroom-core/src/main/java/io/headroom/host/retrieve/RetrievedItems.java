package io.headroom.host.retrieve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * How matched items of a CCR original are answered, wherever they are answered (the retrieval loop,
 * {@code /v1/retrieve}, MCP): items of a JSON array come back as JSON, so nobody decodes strings twice;
 * text stays text.
 */
public final class RetrievedItems {

    private RetrievedItems() {
    }

    /** Adds every item to {@code target}, structured items as JSON. */
    public static void addAll(ArrayNode target, List<String> items, ObjectMapper mapper) {
        for (String item : items) {
            target.add(asJsonIfStructured(item, mapper));
        }
    }

    private static JsonNode asJsonIfStructured(String item, ObjectMapper mapper) {
        String t = item.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return mapper.readTree(item);
            } catch (JsonProcessingException e) {
                // not JSON after all: keep the text
            }
        }
        return mapper.getNodeFactory().textNode(item);
    }
}
