package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The HTML check's tag names are whole names: a longer XML element name that starts like one is not it. */
class HtmlTagNamesTest {

    @Test
    void aTagNameFollowedByItsDelimiterIsFound() {
        assertTrue(ContentDetector.hasTag("<ul><li>one</li></ul>", "<li"));
        assertTrue(ContentDetector.hasTag("<li class=\"x\">one</li>", "<li"));
        assertTrue(ContentDetector.hasTag("<li\n  class=\"x\">one</li>", "<li"));
        assertTrue(ContentDetector.hasTag("line one<br/>line two", "<br"));
        assertTrue(ContentDetector.hasTag("<link>/a</link><li>b</li>", "<li"), "a later whole name still counts");
        assertTrue(ContentDetector.hasTag("<p>text</p>", "<p>"));
    }

    @Test
    void aLongerNameThatStartsLikeATagIsNotIt() {
        assertFalse(ContentDetector.hasTag("<item><link>https://example.org/1</link></item>", "<li"));
        assertFalse(ContentDetector.hasTag("<header><title>x</title></header>", "<head"));
        assertFalse(ContentDetector.hasTag("<tableName>orders</tableName>", "<table"));
        assertFalse(ContentDetector.hasTag("<spanId>4f</spanId>", "<span"));
    }
}
