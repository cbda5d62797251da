package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec(1024 * 1024);

    @Test
    void compactDocumentsRoundTripExactly() throws Exception {
        String json = "{\"zeta\":1,\"model\":\"gpt-4o\",\"temperature\":0.70,\"big\":123456789012345678901234567890,"
                + "\"x\":{\"b\":[1.10,2.5e-3,null,true],\"a\":\"caf\u00e9 \u2603 \\\"q\\\"\"},\"messages\":[]}";
        byte[] out = codec.write(codec.parse(json.getBytes(StandardCharsets.UTF_8)));
        String back = new String(out, StandardCharsets.UTF_8);
        // same fields, same order, same digits (BigDecimal keeps 0.70 and 1.10)
        assertEquals(codec.parse(json), codec.parse(back));
        assertEquals(json, back);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-0.0", "-0", "0", "-0.000", "1E+2", "1e2", "1.0e-7", "1.0E-7", "-1.5E+300", "0.70",
            "123456789012345678901234567890", "-123456789012345678901234567890.00000000000000000001",
            "1e-400", "9.999999999999999999999e99999", "2147483648", "-9223372036854775809"})
    void numbersWriteBackTheirExactText(String number) throws Exception {
        String json = "{\"temperature\":" + number + ",\"x\":[" + number + ",{\"u\":" + number + "}]}";
        assertEquals(json, new String(codec.write(codec.parse(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8));
        assertEquals(json, codec.writeString(codec.parse(json)));
    }

    @Test
    void numbersStillReadAsTheirValue() throws Exception {
        JsonNode n = codec.parse("{\"a\":-0.0,\"b\":-0,\"c\":1E+2}".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, n.get("a").decimalValue().signum());
        assertTrue(n.get("b").isInt());
        assertEquals(0, n.get("b").intValue());
        assertEquals(100, n.get("c").intValue());

    }

    @Test
    void stringsKeepTheEscapesTheClientWrote() throws Exception {
        String json = "{\"a\":\"caf\\u00e9\",\"b\":\"caf\u00e9\",\"c\":\"a\\/b\",\"d\":\"\\u0041\\n\\t\\\"\","
                + "\"e\":\"\\ud83d\\ude00 \uD83D\uDE00\",\"f\":\"\\ud800 lone\",\"g\":[\"\\u2603\",\"\u2603\",\"\"]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = codec.parse(body);
        assertEquals("caf\u00e9", tree.get("a").textValue());
        assertEquals("a/b", tree.get("c").textValue());
        assertEquals("A\n\t\"", tree.get("d").textValue());
        assertArrayEquals(body, codec.write(tree));
        assertEquals(json, codec.writeString(tree));
        assertEquals(json, tree.toString());
    }

    @Test
    void aReplacedValueIsWrittenInMinimalForm() throws Exception {
        ObjectNode tree = (ObjectNode) codec.parse("{\"a\":\"\\u0041\",\"b\":\"\\u0042\"}".getBytes(StandardCharsets.UTF_8));
        tree.put("a", "\u00e9/");
        assertEquals("{\"a\":\"\u00e9/\",\"b\":\"\\u0042\"}", codec.writeString(tree));
    }

    @Test
    void refusesBytesThatAreNotStrictUtf8() {
        byte[] overlong = "{\"content\":\"a\u0000\u0000b\"}".getBytes(StandardCharsets.ISO_8859_1);
        overlong[13] = (byte) 0xC0;
        overlong[14] = (byte) 0xAF;
        assertThrows(JsonProcessingException.class, () -> codec.parse(overlong));
        assertThrows(JsonProcessingException.class, () -> codec.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void rejectsWhatCannotBeForwardedFaithfully() {
        assertThrows(JsonProcessingException.class, () -> codec.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonProcessingException.class,
                () -> codec.parse("{\"m\":[{\"b\":{\"c\":1,\"c\":1}}]}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonProcessingException.class, () -> codec.parse("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonProcessingException.class, () -> codec.parse(new byte[0]));
        assertThrows(JsonProcessingException.class, () -> codec.parse("{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void enforcesLimits() {
        JsonCodec small = new JsonCodec(100);
        String big = "{\"a\":\"" + "x".repeat(200) + "\"}";
        assertThrows(JsonProcessingException.class, () -> small.parse(big.getBytes(StandardCharsets.UTF_8)));
        String deep = "[".repeat(JsonCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH + 1);
        assertThrows(JsonProcessingException.class, () -> codec.parse(deep.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token cap bounds heap and work: a million tiny messages are not built into a tree. */
    @Test
    void documentsOverTheTokenCapAreRefused() throws Exception {
        JsonCodec unlimitedSize = new JsonCodec(Long.MAX_VALUE);
        // each {"role":"user","content":"x"} is 6 tokens; the array and the outer object add 5
        long perMessage = 6;
        int fits = (int) ((JsonCodec.MAX_TOKEN_COUNT - 5) / perMessage);
        assertTrue(unlimitedSize.parse(messages(fits)).get("messages").size() == fits);
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> unlimitedSize.parse(messages(fits + 1)));
        assertTrue(e.getMessage().contains("Token count"), e.getMessage());
    }

    /**
     * An over-cap document is refused by the token count before a tree is built: refusing five million
     * tokens allocates a few MB (the parser's buffers), not the ~170 MB a tree of a million tokens costs.
     */
    @Test
    void anOverCapDocumentIsRefusedWithoutBuildingATree() throws Exception {
        JsonCodec unlimitedSize = new JsonCodec(Long.MAX_VALUE);
        byte[] huge = messages(900_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        unlimitedSize.parse(messages(10)); // classes loaded, caches warm
        long before = threads.getThreadAllocatedBytes(id);
        assertThrows(JsonProcessingException.class, () -> unlimitedSize.parse(huge));
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 16L << 20, "refusing allocated " + (allocated >> 20) + " MB");
    }

    private static byte[] messages(int n) {
        StringBuilder sb = new StringBuilder(n * 32).append("{\"messages\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"role\":\"user\",\"content\":\"x\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
