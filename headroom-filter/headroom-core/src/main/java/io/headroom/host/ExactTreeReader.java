package io.headroom.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Builds a Jackson tree whose every value writes back as the bytes it was read from (see
 * {@link JsonCodec} for the guarantee): numbers keep their text ({@code -0.0}, {@code 1E+2}), and a
 * string that was written with escapes ({@code \u00e9}, {@code \/}) keeps them. Nodes are ordinary
 * {@link TextNode}s and numeric nodes to every reader; only their serialisation differs.
 *
 * <p>Duplicate keys are refused (one value would be lost) and so is anything after the root value. The
 * parser's own constraints bound nesting depth, string and number length.
 */
final class ExactTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    /** The bytes being parsed, or null when reading from a String (strings then are not kept raw). */
    private final byte[] source;

    ExactTreeReader(JsonParser parser, byte[] source) {
        this.parser = parser;
        this.source = source;
    }

    /** Reads exactly one document; null when the input holds no token at all. */
    JsonNode readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) return null;
        JsonNode root = value(first);
        if (parser.nextToken() != null) {
            throw new JsonProcessingException("trailing content after the JSON value", parser.currentLocation()) { };
        }
        return root;
    }

    private JsonNode value(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> string();
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> ExactNodes.decimal(parser.getDecimalValue(), parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> throw new JsonProcessingException("unexpected token " + token, parser.currentLocation()) { };
        };
    }

    private ObjectNode object() throws IOException {
        ObjectNode node = NODES.objectNode();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonNode child = value(parser.nextToken());
            if (node.replace(name, child) != null) {
                throw new JsonProcessingException("duplicate field '" + name + "'", parser.currentLocation()) { };
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonProcessingException("unexpected token " + t, parser.currentLocation()) { };
        }
        return node;
    }

    private ArrayNode array() throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new JsonProcessingException("unexpected end of input", parser.currentLocation()) { };
            node.add(value(t));
        }
        return node;
    }

    private JsonNode integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> {
                int v = parser.getIntValue();
                // "-0" is the one integer text that does not write back as it reads
                yield v == 0 && parser.getTextLength() == 2 ? ExactNodes.negativeZero() : IntNode.valueOf(v);
            }
            case LONG -> LongNode.valueOf(parser.getLongValue());
            default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
        };
    }

    private JsonNode string() throws IOException {
        if (source == null) return TextNode.valueOf(parser.getText());
        long start = parser.currentTokenLocation().getByteOffset(); // the opening quote
        String text = parser.getText();
        long end = parser.currentLocation().getByteOffset(); // just after the closing quote
        // without escapes the token is exactly quote + UTF-8 of the text + quote; an escape is always
        // longer than the character it stands for, so a longer token means the client used escapes
        if (start < 0 || end - start - 2 == utf8Length(text)) return TextNode.valueOf(text);
        return ExactNodes.escapedText(text, source, (int) start + 1, (int) (end - start - 2));
    }

    /** UTF-8 length of {@code s} (a well-formed string: the body passed {@link StrictUtf8}). */
    private static long utf8Length(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) n += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2; // a pair: 2 chars -> 4 bytes
        }
        return n;
    }
}
