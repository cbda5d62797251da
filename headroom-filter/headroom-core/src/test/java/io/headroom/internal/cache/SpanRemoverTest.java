package io.headroom.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.PatternList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpanRemoverTest {
    private final DynamicContentDetector detector = new DynamicContentDetector(List.of());

    private SpanRemover.Split align(String text) {
        return SpanRemover.remove(text, detector.find(text));
    }

    private void assertAligned(String text, String stable, String... moved) {
        SpanRemover.Split split = align(text);
        assertEquals(stable, split.stable());
        assertEquals(List.of(moved), split.moved());
    }

    @Test
    void aClauseGoesWithItsPunctuationAndOneSpace() {
        assertAligned("Be kind. Today is Tuesday, Nov 25, 2026. Be brief.", "Be kind. Be brief.",
                "Today is Tuesday, Nov 25, 2026");
        assertAligned("Be kind; the current time is 2:30 PM EST; be brief.", "Be kind; be brief.",
                "the current time is 2:30 PM EST");
    }

    @Test
    void aLineThatOnlyHeldDynamicContentDisappears() {
        assertAligned("A\nCurrent date: 2026-11-25\nB", "A\nB", "Current date: 2026-11-25");
        assertAligned("A\r\n- Request ID: req_77ab12cd\r\nB", "A\r\nB", "Request ID: req_77ab12cd");
        assertAligned("A\n\nGenerated: 25/11/2026 10:15", "A\n", "Generated: 25/11/2026 10:15");
        assertAligned("Generated 25/11/2026 10:15", "Generated", "25/11/2026 10:15");
        assertAligned("Now: 2026-11-25 14:32", "", "Now: 2026-11-25 14:32");
    }

    @Test
    void aValueInsideASentenceLeavesTheSentence() {
        assertAligned("Data is complete until 25 November 2026 and frozen.", "Data is complete until and frozen.",
                "25 November 2026");
        assertAligned("Trace trace_id=4bf92f3577b34da6 logged.  Keep   spacing.", "Trace logged.  Keep   spacing.",
                "trace_id=4bf92f3577b34da6");
        assertAligned("Caller (uuid 9f0a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b) ok", "Caller (uuid ) ok",
                "9f0a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b");
    }

    @Test
    void ambiguousNumbersStay() {
        for (String text : List.of("Use a 16:9 aspect ratio.", "Read John 3:16 first.", "Version 1.2.3 on port 8080.",
                "Costs 12.50 per 1000 calls.", "session handling is stateless", "Call us at 555-1234.",
                "ISBN 978-3-16-148410-0", "Between 10:00 and 18:00 we answer within 2 hours.")) {
            assertEquals(List.of(), detector.find(text), text);
        }
    }

    @Test
    void aBareTimeCountsAfterATimeLabelOrNextToADate() {
        assertAligned("Local time: 14:05\nGo.", "Go.", "Local time: 14:05");
        assertAligned("Sent Nov 25, 2026 at 14:05 by ops.", "Sent by ops.", "Nov 25, 2026 at 14:05");
    }

    @Test
    void largePromptsAreAlignedCompletely() {
        StringBuilder lines = new StringBuilder();
        StringBuilder oneLine = new StringBuilder();
        for (int i = 0; lines.length() < 1_000_000; i++) {
            lines.append("Entry ").append(i).append(" logged at 2026-11-25T10:00:00Z by svc, see ticket.\n");
            oneLine.append("Entry ").append(i).append(" at 2026-11-25 10:00 ok; ");
        }
        SpanRemover.Split a = align(lines.toString());
        SpanRemover.Split b = align(oneLine.toString());
        assertEquals(-1, a.stable().indexOf("2026-11-25"));
        assertEquals(-1, b.stable().indexOf("2026-11-25"));
        assertEquals(a.moved().size(), lines.toString().split("\n").length);
    }

    @Test
    void extraPatternsAreHonoured() {
        DynamicContentDetector custom = new DynamicContentDetector(List.of(Pattern.compile("Mood: \\w+")));
        String text = "Mood: cheerful\nHelp the user.";
        assertEquals("Help the user.", SpanRemover.remove(text, custom.find(text)).stable());
    }

    @Test
    void patternListSplitsOnTopLevelCommasOnly() {
        assertEquals(List.of("\\d{1,2}", "[,;]x", "(a,b)", "lit,eral", "c"),
                PatternList.split(" \\d{1,2} ,[,;]x,(a,b), lit\\,eral ,,c"));
        assertEquals(List.of("a\\\\", "b"), PatternList.split("a\\\\,b"), "an escaped backslash does not escape the comma");
        assertEquals(List.of("a,b"), PatternList.split("a\\,b"));
    }
}
