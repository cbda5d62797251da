package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentDetectorTest {
    private final ContentDetector detector = new ContentDetector();

    private static String lines(String... l) {
        return String.join("\n", l) + "\n";
    }

    @Test
    void jsonArraysObjectsAndNestedArraysAreJson() {
        assertEquals(ContentType.JSON, detector.detect("  [{\"id\": 1}, {\"id\": 2}]"));
        assertEquals(ContentType.JSON, detector.detect("{\"results\": [1, 2, 3], \"total\": 3}"));
        assertEquals(ContentType.JSON, detector.detect("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": [\"x\", \"y\"]}}}}}"));
        assertEquals(ContentType.JSON, detector.detect("[" + "{\"k\":1},".repeat(500) + "{\"k\":2}]"));
    }

    @Test
    void jsonLookingTextThatDoesNotParseIsNotJson() {
        assertEquals(ContentType.TEXT, detector.detect("[draft] notes for the meeting {see below}\nWe agreed to ship on Friday."));
        assertEquals(ContentType.TEXT, detector.detect("{\"truncated\": [1, 2, 3"));
        assertEquals(ContentType.TEXT, detector.detect("[1, 2] and then some words after the array"));
    }

    @Test
    void mavenLogStartingWithABracketIsALog() {
        assertEquals(ContentType.LOG, detector.detect(Fixtures.text("maven_build_failure.log")));
    }

    @Test
    void buildAndTestLogsOfEveryToolAreLogs() {
        assertEquals(ContentType.LOG, detector.detect(Fixtures.toolOutput("pytest_log_1500")));
        assertEquals(ContentType.LOG, detector.detect(Fixtures.text("gradle_build_failure.log")));
        assertEquals(ContentType.LOG, detector.detect(Fixtures.text("shell_200.log")));
        assertEquals(ContentType.LOG, detector.detect(lines(
                "npm WARN deprecated inflight@1.0.6: This module is not supported",
                "npm ERR! code ERESOLVE",
                "npm ERR! ERESOLVE unable to resolve dependency tree",
                "npm ERR! Found: react@18.2.0",
                "npm ERR! node_modules/react")));
        assertEquals(ContentType.LOG, detector.detect(lines(
                "   Compiling serde v1.0.197",
                "   Compiling tokio v1.36.0",
                "   Compiling app v0.1.0 (/srv/app)",
                "error[E0308]: mismatched types",
                "  --> src/main.rs:14:20",
                "error: could not compile `app` (bin \"app\") due to 1 previous error")));
        assertEquals(ContentType.LOG, detector.detect(lines(
                "Traceback (most recent call last):",
                "  File \"/srv/app/main.py\", line 12, in <module>",
                "    main()",
                "  File \"/srv/app/main.py\", line 8, in main",
                "    total = compute(rows)",
                "KeyError: 'amount'")));
    }

    @Test
    void aLogWithAFewCodeLikeLinesIsStillALog() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            l.add("2026-03-14 10:00:" + String.format("%02d", i) + " INFO  worker-" + i % 4 + " processed batch " + i);
        }
        l.add("def handler(event):");
        l.add("    return process(event);");
        l.add("}");
        l.add("import os");
        assertEquals(ContentType.LOG, detector.detect(String.join("\n", l)));
    }

    @Test
    void grepAndRipgrepOutputIsSearch() {
        assertEquals(ContentType.SEARCH, detector.detect(Fixtures.toolOutput("grep_1200")));
        assertEquals(ContentType.SEARCH, detector.detect(lines(
                "src/main.py:42:def process():",
                "src/utils.py:7:12:    return process(items)",
                "tests/test_main.py:3:from main import process")));
    }

    @Test
    void timestampsAreNotGrepHits() {
        String log = lines("10:42:07 INFO started", "10:42:08 INFO listening on 8080", "10:42:09 WARN slow disk");
        assertEquals(ContentType.LOG, detector.detect(log));
    }

    @Test
    void unifiedDiffsAreDiffs() {
        assertEquals(ContentType.DIFF, detector.detect(Fixtures.text("git_diff.txt")));
        assertEquals(ContentType.DIFF, detector.detect(lines(
                "--- a/src/main.py",
                "+++ b/src/main.py",
                "@@ -42,7 +42,7 @@ def process(items):",
                "-    return [x for x in items]",
                "+    return [x.strip() for x in items if x]")));
    }

    @Test
    void htmlIsHtml() {
        assertEquals(ContentType.HTML, detector.detect("<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>"));
        StringBuilder soup = new StringBuilder("<div class=\"post\">");
        for (int i = 0; i < 12; i++) soup.append("<p>Paragraph ").append(i).append(" <a href=\"/x\">link</a></p>");
        assertEquals(ContentType.HTML, detector.detect(soup.append("</div>").toString()));
    }

    @Test
    void xmlWithoutHtmlTagsIsNotHtml() {
        StringBuilder pom = new StringBuilder("<project>\n");
        for (int i = 0; i < 12; i++) pom.append("  <dependency><groupId>g").append(i).append("</groupId></dependency>\n");
        pom.append("</project>\n");
        assertTrue(detector.detect(pom.toString()) != ContentType.HTML);
    }

    @Test
    void sourceCodeIsCode() {
        assertEquals(ContentType.CODE, detector.detect(lines(
                "package com.acme.billing;",
                "",
                "import java.math.BigDecimal;",
                "",
                "public final class RefundPolicy {",
                "    private final BigDecimal ratio;",
                "",
                "    public RefundPolicy(BigDecimal ratio) {",
                "        this.ratio = ratio;",
                "    }",
                "",
                "    public BigDecimal refund(BigDecimal paid) {",
                "        if (paid.signum() < 0) {",
                "            throw new IllegalArgumentException(\"negative\");",
                "        }",
                "        return paid.multiply(ratio);",
                "    }",
                "}")));
        assertEquals(ContentType.CODE, detector.detect(lines(
                "import os",
                "from decimal import Decimal",
                "",
                "",
                "class Ledger:",
                "    \"\"\"Keeps entries.\"\"\"",
                "",
                "    def __init__(self, entries):",
                "        self.entries = list(entries)",
                "",
                "    def total(self):",
                "        total = Decimal(0)",
                "        for e in self.entries:",
                "            total += e.amount",
                "        return total")));
    }

    @Test
    void proseIsText() {
        assertEquals(ContentType.TEXT, detector.detect(lines(
                "Headroom compresses what an agent reads before it reaches the model.",
                "",
                "It keeps the parts a reader needs: errors, identifiers and the sentences that answer the",
                "question. Everything it drops can be retrieved again by hash, so nothing is lost for good.",
                "",
                "For example, a build log of two thousand lines usually shrinks to a few dozen.")));
        assertEquals(ContentType.TEXT, detector.detect(""));
        assertEquals(ContentType.TEXT, detector.detect("   \n  "));
    }

    @Test
    void hugeInputsAreDetectedFromTheirSampledLines() {
        // ~30k lines: detection samples lines; its speed is measured by the JMH benchmarks, not here
        String big = Fixtures.toolOutput("pytest_log_1500").repeat(20);
        assertEquals(ContentType.LOG, detector.detect(big));
    }
}
