package io.headroom.internal.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcessWhitespaceTest {

    @Test
    void compactJsonKeepsWhitespaceInsideStrings() {
        assertEquals("{\"a\":[1,2],\"b\":\"x  y \\\" z\"}",
                ExcessWhitespace.compactJson("{\n  \"a\" : [ 1, 2 ],\n  \"b\": \"x  y \\\" z\"\n}\n"));
    }

    @Test
    void squeezeDropsIndentationTrailingSpacesAndBlankLineRuns() {
        assertEquals("a b\nc\n\nd\n", ExcessWhitespace.squeeze("a   b  \n    c\t\n\n\n\n  d\n"));
        assertEquals("plain text", ExcessWhitespace.squeeze("plain text"));
    }
}
