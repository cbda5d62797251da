package io.headroom.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.internal.route.Fixtures;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchCompressorTest {
    private static final String HASH = "abcdefabcdefabcdefabcdef";
    private final SearchCompressor compressor = new SearchCompressor();
    private final TokenCounter tokens = new TokenCounter();

    private static CompressionContext ctx(String query) {
        return new CompressionContext(query, HASH, "grep", 0, false);
    }

    @Test
    void parsesGrepAndRipgrepLines() {
        GrepLine g = GrepLine.parse("src/app/x.py:412:def f():");
        assertNotNull(g);
        assertEquals("src/app/x.py", g.path());
        assertEquals(412, g.line());
        assertEquals("def f():", g.content());
        GrepLine rg = GrepLine.parse("src/a.ts:7:13:const x = 1;");
        assertEquals("const x = 1;", rg.content());
        assertEquals("src/a.ts:7:13:", rg.prefix());
        assertNotNull(GrepLine.parse("C:\\src\\A.java:12:class A {}"));
        assertNull(GrepLine.parse("10:42:07 INFO started"));
        assertNull(GrepLine.parse("note: see below"));
        assertNull(GrepLine.parse("my file.txt:3:x"));
    }

    @Test
    void corpusGrepKeepsTheDefinitionFirstAndSavesMoreThanHalf() {
        String grep = Fixtures.toolOutput("grep_1200");
        Compressed r = compressor.compress(grep, ctx("Where is reconcile_ledger_entries defined?"));
        assertTrue(r.changed());
        String out = r.content();
        String first = out.substring(0, out.indexOf('\n'));
        assertEquals("src/app/billing/reconcile.py:412:def reconcile_ledger_entries(batch, *, strict=True):", first,
                "the definition's file comes first");
        assertTrue(out.contains("src/app/admin.py:423:    value = process(item)  # step 0"), "first match kept");
        assertEquals(1200, r.originalUnits());
        assertTrue(r.keptUnits() <= SearchCompressor.DEFAULT_MAX_MATCHES);
        assertTrue(out.endsWith("[1200 matches compressed to " + r.keptUnits() + ". Retrieve more: hash=" + HASH + "]"));
        int before = tokens.count("gpt-4o", grep);
        int after = tokens.count("gpt-4o", out);
        assertTrue(after < before * 0.2, before + " -> " + after);
    }

    @Test
    void everyBigFileKeepsALineAndDroppedMatchesAreCounted() {
        String grep = Fixtures.toolOutput("grep_1200");
        String out = compressor.compress(grep, ctx("Where is reconcile_ledger_entries defined?")).content();
        Set<String> files = new HashSet<>();
        int total = 0;
        for (String line : grep.split("\n")) {
            GrepLine g = GrepLine.parse(line);
            if (g != null) files.add(g.path());
        }
        for (String file : files) {
            assertTrue(out.contains(file + ":"), "file " + file + " represented");
        }
        for (String line : out.split("\n")) {
            if (line.matches(".*: \\d+ more match(es)?")) total += Integer.parseInt(line.replaceAll(".*: (\\d+) more.*", "$1"));
            else if (GrepLine.parse(line) != null) total++;
        }
        assertEquals(1200, total, "kept plus counted matches add up to all matches");
    }

    @Test
    void bm25FindsRelevantLinesWithoutAnIdentifier() {
        String grep = Fixtures.text("grep_150.txt");
        Compressed r = compressor.compress(grep, ctx("which code asserts the balance of a ledger entry?"));
        assertTrue(r.changed());
        assertTrue(r.content().contains("assert entry.balance >= 0"));
        Compressed def = compressor.compress(grep, ctx("Where is LedgerEntry defined?"));
        String firstFile = def.content().substring(0, def.content().indexOf(" more match"));
        assertTrue(firstFile.startsWith("src/app/billing/ledger.py:"), "the defining file comes first");
        assertTrue(firstFile.contains("\nsrc/app/billing/ledger.py:57:class LedgerEntry(Base):\n"), def.content());
    }

    @Test
    void definitionsAreRecognised() {
        assertTrue(SearchCompressor.isDefinition("def reconcile_ledger_entries(batch):", "reconcile_ledger_entries"));
        assertTrue(SearchCompressor.isDefinition("export async function loadUser(id) {", "loadUser"));
        assertTrue(SearchCompressor.isDefinition("public static int parseRate(String s) {", "parseRate"));
        assertTrue(SearchCompressor.isDefinition("class LedgerEntry(Base):", "LedgerEntry"));
        assertFalse(SearchCompressor.isDefinition("x = reconcile_ledger_entries(batch)", "reconcile_ledger_entries"));
        assertFalse(SearchCompressor.isDefinition("reconcile_ledger_entries(batch)", "reconcile_ledger_entries"));
    }

    @Test
    void queryIdentifiers() {
        assertEquals(List.of("reconcile_ledger_entries"), QueryTerms.identifiers("Where is reconcile_ledger_entries defined?"));
        assertEquals(List.of("parseRate"), QueryTerms.identifiers("who calls parseRate?"));
        assertEquals(List.of("Ledger.reconcile", "reconcile"), QueryTerms.identifiers("explain Ledger.reconcile"));
        assertEquals(List.of("refund", "rounding"), QueryTerms.identifiers("where is the refund rounding?"));
        assertTrue(QueryTerms.identifiers(null).isEmpty());
    }

    @Test
    void fewMatchesAreLeftAlone() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 20; i++) l.add("src/a.py:" + (i + 1) + ":x = " + i);
        String grep = String.join("\n", l);
        Compressed r = compressor.compress(grep, ctx("x"));
        assertFalse(r.changed());
        assertEquals(grep, r.content());
    }

    @Test
    void garbageDoesNotThrow() {
        assertFalse(compressor.compress("::::\n:1:\na:b:c\n", ctx("q")).changed());
        assertFalse(compressor.compress(null, ctx(null)).changed());
        String many = "x.py:1:a\n".repeat(100);
        Compressed r = compressor.compress(many, ctx(null));
        assertTrue(!r.changed() || r.content().length() < many.length());
    }
}
