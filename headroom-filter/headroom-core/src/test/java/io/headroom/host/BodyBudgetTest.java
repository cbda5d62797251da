package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void reservesUpToTheCapacityAndNoMore() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation a = budget.tryReserve(60);
        assertNotNull(a);
        assertNull(budget.tryReserve(41), "would exceed the capacity");
        BodyBudget.Reservation b = budget.tryReserve(40);
        assertNotNull(b);
        assertEquals(100, budget.reserved());
        a.close();
        assertEquals(40, budget.reserved());
    }

    @Test
    void aReservationIsGivenBackOnceHoweverOftenItIsClosed() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation a = budget.tryReserve(30);
        budget.tryReserve(20);
        a.close();
        a.close();
        assertEquals(20, budget.reserved());
    }

    @Test
    void aReadBodyKeepsOnlyItsSizeReservedAndNeverGrows() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation r = budget.tryReserve(80);
        r.shrinkTo(10);
        assertEquals(10, budget.reserved());
        r.shrinkTo(50);
        assertEquals(10, budget.reserved(), "shrinking never grows a reservation");
        r.close();
        r.shrinkTo(5);
        assertEquals(0, budget.reserved());
    }

    @Test
    void aBodyLargerThanTheWholeBudgetNeverFits() {
        assertNull(new BodyBudget(100).tryReserve(101));
    }

    @Test
    void reservesTheDeclaredLengthOrElseTheReadLimit() {
        assertEquals(1000, BodyBudget.sizeToReserve("1000", 5000));
        assertEquals(5000, BodyBudget.sizeToReserve("999999", 5000), "never more than the read limit");
        assertEquals(5000, BodyBudget.sizeToReserve(null, 5000), "chunked: the read limit bounds it");
        assertEquals(5000, BodyBudget.sizeToReserve("12x", 5000));
        assertEquals(5000, BodyBudget.sizeToReserve("-1", 5000));
        assertEquals(-1, BodyBudget.declaredLength(" "));
        assertEquals(7, BodyBudget.declaredLength(" 7 "));
    }

    /** A gzip body holds what it may decode to as well: a small bomb reserves up to max-body-bytes more. */
    @Test
    void anEncodedBodyReservesWhatItMayDecodeTo() {
        try (io.headroom.Headroom headroom = io.headroom.Headroom.create(io.headroom.HeadroomConfig.defaults())) {
            Admission admission = Admission.of(headroom);
            long max = admission.maxBodyBytes();
            java.util.Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", "application/json");
            AdmissionDecision plain = admission.decide("POST", "/v1/chat/completions", headers::get);
            headers.put("Content-Encoding", "gzip");
            AdmissionDecision gzip = admission.decide("POST", "/v1/chat/completions", headers::get);
            assertEquals(1000, BodyBudget.heldFor(1000, plain, max));
            assertEquals(1000 + 1000 * BodyEncoding.DEFAULT_MAX_RATIO, BodyBudget.heldFor(1000, gzip, max));
            assertEquals(2_000_000 + max, BodyBudget.heldFor(2_000_000, gzip, max), "the decoder stops at max-body-bytes");
            assertEquals(2_000_000 + max, BodyBudget.sizeToReserve(gzip, "2000000", Long.MAX_VALUE, max));
        }
    }
}
