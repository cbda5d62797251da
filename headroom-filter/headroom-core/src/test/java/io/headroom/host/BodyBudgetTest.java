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
}
