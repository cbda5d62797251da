package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.headroom.RequestOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadroomHeadersTest {
    private static final byte[] BODY = "{}".getBytes();

    private static RequestOutcome outcome(boolean changed, List<String> transforms, boolean failed, boolean late,
                                          String model) {
        return new RequestOutcome(BODY, changed, 1200, changed ? 300 : 1200, transforms, List.of(), failed, changed,
                late, model);
    }

    @Test
    void aCompressedRequestNamesItsModelAndTransformsInTheirOrder() {
        Map<String, String> headers = HeadroomHeaders.of(
                outcome(true, List.of("router:json:0.25", "cache_align"), false, false, "gpt-4o"));

        assertEquals(Map.of(HeadroomHeaders.COMPRESSED, "true", HeadroomHeaders.TOKENS_BEFORE, "1200",
                HeadroomHeaders.TOKENS_AFTER, "300", HeadroomHeaders.TOKENS_SAVED, "900",
                HeadroomHeaders.MODEL, "gpt-4o", HeadroomHeaders.TRANSFORMS, "router:json:0.25,cache_align"), headers);
    }

    @Test
    void transformsAreClaimedOnlyForABodyThatChanged() {
        // audit mode: transforms were planned, the upstream got the original
        Map<String, String> headers = HeadroomHeaders.of(
                outcome(false, List.of("router:json:0.25"), false, false, "gpt-4o"));

        assertFalse(headers.containsKey(HeadroomHeaders.TRANSFORMS));
        assertEquals("0", headers.get(HeadroomHeaders.TOKENS_SAVED));
    }

    @Test
    void aFailureOrAPassedDeadlineIsSaid() {
        assertEquals("true", headers(outcome(false, List.of(), true, false, null)).get(HeadroomHeaders.COMPRESSION_FAILED));
        assertEquals("true", headers(outcome(false, List.of(), false, true, null)).get(HeadroomHeaders.COMPRESSION_FAILED));
    }

    @Test
    void aModelNameThatCouldBreakTheResponseHeadIsLeftOut() {
        assertFalse(headers(outcome(true, List.of("x"), false, false, "gpt\r\nx-evil: 1")).containsKey(HeadroomHeaders.MODEL));
        assertFalse(headers(outcome(true, List.of("x"), false, false, "m".repeat(257))).containsKey(HeadroomHeaders.MODEL));
        assertFalse(headers(outcome(true, List.of("bad\ttransform"), false, false, null)).containsKey(HeadroomHeaders.TRANSFORMS));
    }

    @Test
    void aCommaInsideATransformNameCannotSplitTheList() {
        assertEquals("a;b,c", headers(outcome(true, List.of("a,b", "c"), false, false, null)).get(HeadroomHeaders.TRANSFORMS));
    }

    private static Map<String, String> headers(RequestOutcome outcome) {
        return HeadroomHeaders.of(outcome);
    }
}
