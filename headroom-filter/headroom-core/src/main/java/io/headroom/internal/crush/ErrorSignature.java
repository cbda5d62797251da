package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * What makes one error item a different error from another: its error-bearing fields and its message texts,
 * each reduced to its {@link ShapeText shape}. Two failed transactions that differ only in amount, currency,
 * reference and timestamp have the same signature ({@code status=failed}); "Connection pool exhausted on shard
 * 9" and "Disk full on /var" do not. Used by {@link ItemSelector} when errors are a common category of an
 * array and only each distinct error (plus a sample of its repeats) is kept.
 *
 * <p>Parts of an object item's signature (by field path, nested objects and arrays included):
 * <ul>
 *   <li>fields that mark the item as an error ({@link ErrorSignals#isErrorField}): {@code error}, {@code level},
 *   {@code status_code 5xx}, {@code success=false}, ...;</li>
 *   <li>strings containing an error keyword or whitespace (messages, as opposed to enum values and ids);</li>
 *   <li>short strings under keys that name an error kind: {@code code}, {@code reason}, {@code type},
 *   {@code kind}, {@code cause}, {@code message}, {@code msg}.</li>
 * </ul>
 * A string item's signature is its shape; any other item's is the shape of its text.
 */
final class ErrorSignature {

    private static final int MAX_DEPTH = 4;

    private ErrorSignature() {
    }

    static String of(JsonNode item) {
        if (item.isTextual()) return ShapeText.of(item.textValue());
        if (!item.isContainerNode()) return ShapeText.of(item.asText());
        StringBuilder sig = new StringBuilder(64);
        walk(item, "", 0, sig);
        return sig.toString();
    }

    private static void walk(JsonNode node, String path, int depth, StringBuilder sig) {
        if (depth > MAX_DEPTH) return;
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (child.isContainerNode()) walk(child, path, depth + 1, sig);
                else if (child.isTextual() && isMessage(child.textValue())) part(sig, path, child.textValue());
            }
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String childPath = path.isEmpty() ? key : path + '.' + key;
            if (value.isContainerNode()) {
                walk(value, childPath, depth + 1, sig);
                continue;
            }
            String lowerKey = key.toLowerCase(Locale.ROOT);
            String text = value.isTextual() ? value.textValue() : value.asText();
            if (ErrorSignals.isErrorField(ErrorSignals.FieldRole.of(lowerKey), value)
                    || (value.isTextual() && (isMessage(text) || namesErrorKind(lowerKey)))) {
                part(sig, childPath, text);
            }
        }
    }

    private static boolean isMessage(String s) {
        if (ErrorSignals.hasErrorKeyword(s)) return true;
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) if (Character.isWhitespace(t.charAt(i))) return true;
        return false;
    }

    private static boolean namesErrorKind(String lowerKey) {
        return lowerKey.contains("code") || lowerKey.contains("reason") || lowerKey.contains("message")
                || lowerKey.equals("msg") || lowerKey.equals("type") || lowerKey.equals("kind")
                || lowerKey.contains("cause");
    }

    private static void part(StringBuilder sig, String path, String value) {
        sig.append(path).append('=').append(ShapeText.of(value)).append('\u0001');
    }
}
