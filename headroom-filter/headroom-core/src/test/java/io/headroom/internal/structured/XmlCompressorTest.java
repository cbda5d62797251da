package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import org.junit.jupiter.api.Test;

class XmlCompressorTest {
    private final XmlCompressor compressor = new XmlCompressor(CrusherConfig.defaults());
    private static final CompressionContext WITH_CCR = new CompressionContext(null, "abc123", "tool", 5, false);

    @Test
    void keepsTheFailingTestCaseVerbatimAndOmitsPassingOnesWithComments() {
        String xml = StructuredSamples.junit(200, 117);
        Compressed c = compressor.compress(xml, WITH_CCR);
        assertTrue(c.changed());
        String out = c.content();
        assertTrue(out.contains("<testcase name=\"case117\" classname=\"com.acme.SuiteTest\" time=\"0.047\">\n"
                + "    <failure message=\"boom &amp; bust\" type=\"AssertionError\">stack at SuiteTest.java:42</failure>\n  </testcase>"), out);
        assertTrue(out.contains("<testcase name=\"case0\""), "first rows kept");
        assertTrue(out.contains("<testcase name=\"case199\""), "last rows kept");
        assertTrue(out.matches("(?s).*<!-- \\d+ <testcase> elements omitted -->.*"), out);
        assertTrue(out.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"Suite\" tests=\"200\">\n"));
        assertTrue(out.endsWith("</testsuite>\n<!-- [200 elements compressed to " + c.keptUnits() + ". Retrieve more: hash=abc123] -->\n"), out);
        assertEquals(200, c.originalUnits());
        assertTrue(c.keptUnits() < 30);
        assertTrue(HardenedXml.isWellFormed(out));
    }

    @Test
    void withoutCcrThereIsNoMarker() {
        Compressed c = compressor.compress(StructuredSamples.junit(100, 50), CompressionContext.of(null));
        assertTrue(c.changed());
        assertFalse(c.content().contains("hash="));
        assertTrue(c.content().endsWith("</testsuite>\n"));
    }

    @Test
    void theQuerysAnswerIsKept() {
        StringBuilder b = new StringBuilder("<feed>\n");
        for (int i = 0; i < 300; i++) {
            b.append("  <entry><id>urn:item:").append(i).append("</id><title>Release notes ").append(i)
                    .append(i == 211 ? " zeppelin migration" : "").append("</title></entry>\n");
        }
        String xml = b.append("</feed>").toString();
        Compressed c = compressor.compress(xml, CompressionContext.of("what about the zeppelin migration?"));
        assertTrue(c.content().contains("<entry><id>urn:item:211</id><title>Release notes 211 zeppelin migration</title></entry>"));
        assertTrue(c.content().length() < xml.length() / 3);
    }

    @Test
    void shortRunsAndDocumentsWithoutRunsAreLeftAlone() {
        String xml = StructuredSamples.junit(10, 3);
        assertFalse(compressor.compress(xml, WITH_CCR).changed());
        assertFalse(compressor.compress("<config><a>1</a><b>2</b></config>", WITH_CCR).changed());
    }

    @Test
    void longRunsInsideKeptElementsAreCompressedToo() {
        StringBuilder b = new StringBuilder("<testsuites>\n");
        for (int s = 0; s < 3; s++) {
            b.append(StructuredSamples.junit(80, 40 + s).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", ""));
        }
        String xml = b.append("</testsuites>\n").toString();
        Compressed c = compressor.compress(xml, WITH_CCR);
        assertTrue(c.changed());
        int comments = c.content().split("<testcase> elements omitted -->", -1).length - 1;
        assertTrue(comments >= 3, "each suite's run compressed: " + comments);
        for (int s = 0; s < 3; s++) assertTrue(c.content().contains("<testcase name=\"case" + (40 + s) + "\""));
        assertTrue(HardenedXml.isWellFormed(c.content()));
    }
}
