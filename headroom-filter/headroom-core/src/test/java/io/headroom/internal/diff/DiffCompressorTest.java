package io.headroom.internal.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.internal.route.Fixtures;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffCompressorTest {
    private static final String HASH = "00112233445566778899aabb";
    private final DiffCompressor compressor = new DiffCompressor();
    private final TokenCounter tokens = new TokenCounter();

    private static CompressionContext ctx(String query) {
        return new CompressionContext(query, HASH, "git_diff", 0, false);
    }

    private static List<String> lines(String s) {
        return List.of(s.split("\n"));
    }

    @Test
    void keepsEveryChangedLineAndHeaderWithMinimalContext() {
        String diff = Fixtures.text("git_diff.txt");
        Compressed r = compressor.compress(diff, ctx("review the billing change"));
        assertTrue(r.changed());
        List<String> out = lines(r.content());
        for (String l : lines(diff)) {
            boolean structural = l.startsWith("diff --git") || l.startsWith("index ") || l.startsWith("--- ")
                    || l.startsWith("+++ ");
            boolean change = l.startsWith("+") || l.startsWith("-");
            if (structural || (change && !l.contains("node_modules"))) { // the lock file is capped, see below
                assertTrue(out.contains(l), "kept: " + l);
            }
        }
        // one context line either side of the change at value_40, not the diff's eight
        int at = out.indexOf("+    value_40 = compute_billing_v2(request.args[5], session)  # step 40");
        assertEquals("-    value_40 = compute_billing(request.args[5], session)  # step 40", out.get(at - 1));
        assertEquals("     value_39 = compute_billing(request.args[4], session)  # step 39", out.get(at - 2));
        // the cut context leaves a hunk of its own whose header counts its three lines, so git still applies it
        assertEquals("@@ -40,3 +40,3 @@", out.get(at - 3));
        assertEquals("     value_41 = compute_billing(request.args[6], session)  # step 41", out.get(at + 1));
        assertTrue(r.content().endsWith("Retrieve more: hash=" + HASH + "]"));
        int before = tokens.count("gpt-4o", diff);
        int after = tokens.count("gpt-4o", r.content());
        assertTrue(after < before * 0.6, before + " -> " + after);
    }

    @Test
    void largeGeneratedFilesAreCappedWithCounts() {
        String diff = Fixtures.text("git_diff.txt");
        String out = compressor.compress(diff, ctx(null)).content();
        assertTrue(out.contains("+++ b/web/package-lock.json"));
        long lockChanges = lines(out).stream()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && l.contains("node_modules/pkg-")).count();
        assertTrue(lockChanges <= DiffCompressor.MAX_CHANGED_PER_FILE, "lock file capped: " + lockChanges);
        assertTrue(lines(out).stream().anyMatch(l -> l.startsWith("# headroom: ") && l.contains("web/package-lock.json")
                && l.endsWith("omitted")), out);
    }

    @Test
    void inALargeDiffTheFilesTheQueryNamesKeepAllChanges() {
        List<String> d = new ArrayList<>();
        for (String file : List.of("src/billing/reconcile.py", "src/orders/service.py")) {
            d.add("diff --git a/" + file + " b/" + file);
            d.add("--- a/" + file);
            d.add("+++ b/" + file);
            d.add("@@ -1,300 +1,300 @@");
            for (int i = 0; i < 300; i++) {
                d.add("-old line " + i + " of " + file);
                d.add("+new line " + i + " of " + file);
            }
        }
        String out = compressor.compress(String.join("\n", d), ctx("why does reconcile fail?")).content();
        assertTrue(out.contains("+new line 299 of src/billing/reconcile.py"), "queried file complete");
        assertFalse(out.contains("+new line 299 of src/orders/service.py"), "other file capped");
        assertTrue(out.contains("# headroom: 560 more lines of this hunk of src/orders/service.py (+280 -280) omitted"), out);
    }

    @Test
    void hunkCountsDecideWhereAHunkEnds() {
        // a removed SQL comment "-- x" looks like a file header "--- x" but the hunk counts say it is a change
        String diff = String.join("\n",
                "--- a/q.sql", "+++ b/q.sql", "@@ -1,3 +1,2 @@", " select 1;", "--- old comment", " select 2;",
                "--- a/r.sql", "+++ b/r.sql", "@@ -1 +1 @@", "-a", "+b");
        List<FilePatch> files = UnifiedDiffParser.parse(lines(diff));
        assertEquals(2, files.size());
        assertEquals("q.sql", files.get(0).path);
        assertEquals(1, files.get(0).changedLines());
        assertEquals("r.sql", files.get(1).path);
        assertEquals(2, files.get(1).changedLines());
        assertArrayEquals(new int[] {3, 2}, UnifiedDiffParser.counts("@@ -1,3 +1,2 @@"));
        assertArrayEquals(new int[] {1, 1}, UnifiedDiffParser.counts("@@ -1 +1 @@ def x():"));
        assertNull(UnifiedDiffParser.counts("@@ -x +y @@"));
    }

    @Test
    void smallDiffsStayUnchanged() {
        String diff = String.join("\n", "--- a/x.py", "+++ b/x.py", "@@ -1,3 +1,3 @@", " a", "-b", "+c", " d");
        Compressed r = compressor.compress(diff, ctx(null));
        assertFalse(r.changed());
        assertEquals(diff, r.content());
    }

    @Test
    void garbageDoesNotThrow() {
        assertFalse(compressor.compress("@@ -1,2 +1,2 @@", ctx(null)).changed());
        assertFalse(compressor.compress("no diff here\njust text", ctx(null)).changed());
        assertFalse(compressor.compress(null, ctx(null)).changed());
        String weird = "@@ -1,99999 +1,1 @@\n-x\n" + "@@ -a @@\n".repeat(50);
        Compressed r = compressor.compress(weird, ctx(null));
        assertTrue(!r.changed() || r.content().length() < weird.length());
    }
}
