package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "C0AF",          // overlong '/'
            "C1BF",          // overlong lead C1
            "E080AF",        // overlong 3-byte '/'
            "F08080AF",      // overlong 4-byte '/'
            "EDA080",        // encoded high surrogate U+D800
            "EDBFBF",        // encoded low surrogate U+DFFF
            "F4908080",      // U+110000, beyond Unicode
            "F5808080", "FF", "FE", "F8888080",
            "80", "BF",      // stray continuation bytes
            "C3", "E282", "F09F98",  // truncated
            "C328", "E28228", "F09F2880", // a continuation byte missing inside the body
            "00"             // NUL: never in JSON, and what makes Jackson guess UTF-16
    })
    void refusesIllFormedSequences(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] body = concat("{\"a\":\"x".getBytes(StandardCharsets.US_ASCII), bad, "\"}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(7, StrictUtf8.firstInvalid(body), hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7F", "C280", "DFBF", "E0A080", "ED9FBF", "EE8080", "EFBFBF", "F0908080", "F48FBFBF",
            "C3A9E29883F09F9880"})
    void acceptsEveryWellFormedBoundary(String hex) {
        assertTrue(StrictUtf8.isValid(HexFormat.of().parseHex(hex)), hex);
    }

    @org.junit.jupiter.api.Test
    void agreesWithTheJdkOnRealText() {
        String text = "{\"m\":\"caf\u00e9 \u2603 \uD83D\uDE00 \u4E2D\u6587 \\u00e9\"}";
        assertTrue(StrictUtf8.isValid(text.getBytes(StandardCharsets.UTF_8)));
        assertFalse(StrictUtf8.isValid("{\"m\":\"\uD800\"}".getBytes(StandardCharsets.UTF_16BE)));
    }

    @org.junit.jupiter.api.Test
    void findsTheBadByteAtEveryOffsetOfTheEightByteFastPath() {
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (byte bad : new byte[] {0, (byte) 0x80, (byte) 0xC0, (byte) 0xFF}) {
                    byte[] b = "abcdefghijklmnopqrstuvwxyz0123456789ABCD".substring(0, length).getBytes(StandardCharsets.US_ASCII);
                    b[at] = bad;
                    assertEquals(at, StrictUtf8.firstInvalid(b), "length " + length + ", byte " + bad + " at " + at);
                }
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
