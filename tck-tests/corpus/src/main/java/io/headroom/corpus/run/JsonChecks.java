package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The comparisons the checks make on JSON, with the original checker's (Python's) semantics. */
final class JsonChecks {
    private JsonChecks() {
    }

    /** All leaves of a JSON value joined by newlines: needles are searched in decoded text, not in escaped JSON. */
    static String textOf(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isTextual()) {
            out.append(node.textValue()).append('\n');
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        } else {
            out.append(node.asText()).append('\n');
        }
    }

    /** Deep equality where numbers compare by value (1 equals 1.0) and object key order does not matter. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!b.has(field.getKey()) || !same(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Every tool call id of an assistant message has a tool result and every tool result a call (OpenAI format). */
    static boolean toolPairsIntact(JsonNode messages) {
        Set<String> calls = new HashSet<>();
        Set<String> results = new HashSet<>();
        for (JsonNode m : messages) {
            m.path("tool_calls").forEach(call -> calls.add(call.path("id").asText(null)));
            if ("tool".equals(m.path("role").asText())) {
                results.add(m.path("tool_call_id").asText(null));
            }
        }
        return calls.equals(results);
    }
}
