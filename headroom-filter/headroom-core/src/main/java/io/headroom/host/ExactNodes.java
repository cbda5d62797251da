package io.headroom.host;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Value nodes that write back the exact text they were read from. Jackson's own value nodes cannot be
 * subclassed for this (their {@code serialize} is final), so these delegate every read to the plain node
 * of the same value: to the pipeline a number is a number and a string a string, and a value it replaces
 * becomes a plain node.
 */
final class ExactNodes {
    private static final JsonNode NEGATIVE_ZERO = new RawNumber(IntNode.valueOf(0), "-0");

    private ExactNodes() {
    }

    /** A decimal that writes its source text ({@code -0.0}, {@code 1.0e-7}, {@code 1E+2}). */
    static JsonNode decimal(BigDecimal value, String text) {
        return new RawNumber(DecimalNode.valueOf(value), text);
    }

    /** The integer {@code -0}, which an int node would write as {@code 0}. */
    static JsonNode negativeZero() {
        return NEGATIVE_ZERO;
    }

    /**
     * A string the client wrote with escapes: {@code source[offset, offset + length)} is its text between
     * the quotes, written back as it came instead of in Jackson's minimal escaping.
     */
    static JsonNode escapedText(String value, byte[] source, int offset, int length) {
        return new RawText(value, source, offset, length);
    }

    private static final class RawNumber extends NumericNode {
        private static final long serialVersionUID = 1L;
        private final NumericNode value;
        private final String text;

        RawNumber(NumericNode value, String text) {
            this.value = value;
            this.text = text;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(text);
        }

        @Override public JsonToken asToken() { return value.asToken(); }
        @Override public JsonParser.NumberType numberType() { return value.numberType(); }
        @Override public Number numberValue() { return value.numberValue(); }
        @Override public int intValue() { return value.intValue(); }
        @Override public long longValue() { return value.longValue(); }
        @Override public double doubleValue() { return value.doubleValue(); }
        @Override public float floatValue() { return value.floatValue(); }
        @Override public BigDecimal decimalValue() { return value.decimalValue(); }
        @Override public BigInteger bigIntegerValue() { return value.bigIntegerValue(); }
        @Override public boolean canConvertToInt() { return value.canConvertToInt(); }
        @Override public boolean canConvertToLong() { return value.canConvertToLong(); }
        @Override public boolean canConvertToExactIntegral() { return value.canConvertToExactIntegral(); }
        @Override public boolean isIntegralNumber() { return value.isIntegralNumber(); }
        @Override public boolean isFloatingPointNumber() { return value.isFloatingPointNumber(); }
        @Override public boolean isInt() { return value.isInt(); }
        @Override public boolean isBigDecimal() { return value.isBigDecimal(); }
        @Override public String asText() { return text; }

        /** Equal to an exact number of the same value, and to the plain node of its value (not vice versa). */
        @Override
        public boolean equals(Object o) {
            return o instanceof RawNumber r ? value.equals(r.value) : value.equals(o);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    private static final class RawText extends ValueNode {
        private static final long serialVersionUID = 1L;
        private final String value;
        private final transient byte[] source;
        private final int offset;
        private final int length;

        RawText(String value, byte[] source, int offset, int length) {
            this.value = value;
            this.source = source;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            if (g instanceof UTF8JsonGenerator) {
                g.writeRawUTF8String(source, offset, length); // adds the quotes, copies the bytes
            } else {
                g.writeRawValue("\"" + new String(source, offset, length, StandardCharsets.UTF_8) + "\"");
            }
        }

        @Override public JsonNodeType getNodeType() { return JsonNodeType.STRING; }
        @Override public JsonToken asToken() { return JsonToken.VALUE_STRING; }
        @Override public String textValue() { return value; }
        @Override public String asText() { return value; }
        @Override public String asText(String defaultValue) { return value; }
        @Override public boolean asBoolean(boolean defaultValue) { return TextNode.valueOf(value).asBoolean(defaultValue); }
        @Override public int asInt(int defaultValue) { return TextNode.valueOf(value).asInt(defaultValue); }
        @Override public long asLong(long defaultValue) { return TextNode.valueOf(value).asLong(defaultValue); }
        @Override public double asDouble(double defaultValue) { return TextNode.valueOf(value).asDouble(defaultValue); }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof JsonNode n && n.isTextual() && value.equals(n.textValue());
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }
}
