package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
        assertEquals(json.replace("2.5e-3", "0.0025"), back);
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
}
