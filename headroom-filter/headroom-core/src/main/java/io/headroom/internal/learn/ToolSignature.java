package io.headroom.internal.learn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The signature a tool output is learned under: its tool name plus the shape of its items (the sorted field
 * names and value types of the first object in its first array), hashed. Two outputs of one tool with the same
 * fields share what was learned; another shape of the same tool learns on its own. Only the first item is read
 * (streaming), so computing it costs a fraction of a parse. Output that is not a JSON array of objects has the
 * shape {@code text}.
 */
public final class ToolSignature {
    /** Hex characters of the SHA-256 kept: 96 bits, plenty for a bounded set of signatures. */
    static final int LENGTH = 24;
    private static final JsonFactory JSON = new JsonFactory();
    /** The item is looked for this deep at most (a top-level object wrapping the array, like {"results": [...]}). */
    private static final int MAX_DEPTH = 3;

    private ToolSignature() {
    }

    /** The signature hash of {@code output} produced by {@code toolName} (null: no tool). */
    public static String of(String toolName, String output) {
        return hash((toolName == null ? "" : toolName) + "\n" + shape(output));
    }

    /** {@code name:type,...} of the first object found in an array, or {@code text}. */
    static String shape(String output) {
        if (output == null) {
            return "text";
        }
        int start = 0;
        while (start < output.length() && Character.isWhitespace(output.charAt(start))) start++;
        if (start == output.length() || (output.charAt(start) != '[' && output.charAt(start) != '{')) {
            return "text";
        }
        try (JsonParser p = JSON.createParser(output)) {
            int depth = 0;
            boolean inArray = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT && inArray) {
                    return fields(p);
                }
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (++depth > MAX_DEPTH) return "text";
                    inArray = t == JsonToken.START_ARRAY;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    depth--;
                    inArray = false;
                } else if (inArray) {
                    inArray = false; // an array of scalars has no item shape: look further
                }
            }
        } catch (IOException | RuntimeException e) {
            return "text";
        }
        return "text";
    }

    private static String fields(JsonParser p) throws IOException {
        TreeSet<String> fields = new TreeSet<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != null) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            fields.add(name + ":" + type(value));
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
        return String.join(",", fields);
    }

    private static String type(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
        };
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
