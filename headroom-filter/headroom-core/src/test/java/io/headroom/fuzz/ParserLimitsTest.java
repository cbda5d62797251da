package io.headroom.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parser limits behind the fail-open path: pathological nesting and oversized strings are
 * rejected by Jackson's StreamReadConstraints (never a StackOverflowError) and the body goes on as
 * sent; strings up to max-body-bytes are accepted (Jackson's own default stops at 20 M chars).
 */
class ParserLimitsTest {
    private static final int DEPTH = 100_000;
    private static Headroom headroom;

    @BeforeAll
    static void start() {
        headroom = Headroom.create(RequestInvariants.toolOutputsOnly(20));
    }

    @AfterAll
    static void stop() {
        headroom.close();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void hundredThousandDeepNestingPassesThroughUntouched(Endpoint endpoint) {
        for (String body : new String[] {
                "{\"messages\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}",
                "{\"input\":" + "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH) + "}",
                "[".repeat(DEPTH), // unterminated as well
        }) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            RequestOutcome out = assertDoesNotThrow(() -> headroom.process(endpoint, bytes, Mode.OPTIMIZE));
            assertSame(bytes, out.body());
            assertFalse(out.compressed());
            assertFalse(out.failedOpen(), "rejected by the parser's limits, not by an internal error");
        }
    }

    @Test
    void nestingWithinTheLimitIsParsed() throws JsonProcessingException {
        new JsonCodec(1 << 20).parse("[".repeat(400) + "]".repeat(400));
        assertThrows(JsonProcessingException.class, () -> new JsonCodec(1 << 20).parse("[".repeat(501) + "]".repeat(501)));
    }

    @Test
    void stringLengthIsBoundedByMaxBodyBytes() throws JsonProcessingException {
        String big = "x".repeat(21_000_000); // above Jackson's default max string length of 20,000,000
        byte[] doc = ("[\"" + big + "\"]").getBytes(StandardCharsets.US_ASCII);
        new JsonCodec(32L << 20).parse(doc);
        assertThrows(JsonProcessingException.class, () -> new JsonCodec(1000).parse(("[\"" + "x".repeat(1001) + "\"]")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void bodiesAboveMaxBodyBytesAreNotParsed() {
        try (Headroom small = Headroom.create(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(4096)).build())) {
            byte[] body = ("{\"messages\":[{\"role\":\"tool\",\"content\":\"" + "[1,2,3] ".repeat(1000) + "\"}]}")
                    .getBytes(StandardCharsets.US_ASCII);
            assertTrue(body.length > 4096);
            RequestOutcome out = small.process(Endpoint.OPENAI_CHAT, body, Mode.OPTIMIZE);
            assertSame(body, out.body());
            assertFalse(out.failedOpen());
            assertTrue(out.tokensBefore() == 0, "not even analysed");
        }
    }
}
