package io.headroom.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.HeadroomConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCompressorTest {

    private final TextCompressor compressor = new TextCompressor();

    private static final String[] FILLER = {
            "The platform team maintains this service and reviews every change before it is merged into the main branch.",
            "Most teams never need to touch these settings because the defaults were chosen to fit typical workloads well.",
            "Documentation for older releases lives in the archive and is no longer updated after the support window ends.",
            "Contributors are encouraged to discuss larger changes in an issue first so that the design can be agreed on.",
            "Monitoring dashboards show the health of each region and are linked from the internal operations handbook page."};

    /** A realistic document: sections of generic prose with a few facts hidden in the middle. */
    private static String document() {
        List<String> parts = new ArrayList<>();
        parts.add("# Payments service handbook");
        parts.add("This handbook explains how the payments service is operated, deployed and debugged in production.");
        for (int section = 0; section < 6; section++) {
            parts.add("## Section " + (section + 1) + " overview");
            for (int p = 0; p < 5; p++) {
                parts.add(FILLER[(section + p) % FILLER.length] + " " + FILLER[(section + p + 2) % FILLER.length]);
            }
            if (section == 2) {
                parts.add("Refunds are processed asynchronously by the settlement worker, which batches them every night.");
            }
            if (section == 4) {
                parts.add("The failing deployment was traced to build 9f3c2a7e1b and request id 3f1e8c2a-9b4d-4c1e-8f2a-6d7b9c0e1a2f.");
            }
        }
        parts.add("In summary, page the on-call engineer whenever the error budget burn rate exceeds its threshold.");
        return String.join("\n\n", parts);
    }

    @Test
    void keepsHeadingsFirstLastQueryAndIdParagraphs() {
        String doc = document();
        Compressed c = compressor.compress(doc, new CompressionContext("how are refunds settled", "abc", null, 9, false));
        assertTrue(c.changed());
        String out = c.content();
        for (int s = 1; s <= 6; s++) assertTrue(out.contains("## Section " + s + " overview"), out);
        assertTrue(out.contains("# Payments service handbook"));
        assertTrue(out.contains("This handbook explains how the payments service"), "first paragraph");
        assertTrue(out.contains("In summary, page the on-call engineer"), "last paragraph");
        assertTrue(out.contains("Refunds are processed asynchronously"), "query paragraph");
        assertTrue(out.contains("3f1e8c2a-9b4d-4c1e-8f2a-6d7b9c0e1a2f"), "id paragraph");
        assertTrue(out.matches("(?s).*\\[\\.\\.\\. \\d+ paragraphs? omitted \\.\\.\\.\\].*"), out);
        assertTrue(out.endsWith("Retrieve more: hash=abc]"), out);
        double ratio = (double) out.length() / doc.length();
        System.out.printf("text: %d -> %d chars (%.0f%% kept)%n", doc.length(), out.length(), ratio * 100);
        assertTrue(ratio < 0.6, "ratio " + ratio);
        assertTrue(c.keptUnits() < c.originalUnits());
    }

    @Test
    void omitsFillerWhenNothingElseMatters() {
        String doc = document();
        Compressed c = compressor.compress(doc, CompressionContext.of(null));
        long fillerCopies = 0;
        for (String f : FILLER) {
            int idx = 0;
            while ((idx = c.content().indexOf(f, idx)) >= 0) {
                fillerCopies++;
                idx += f.length();
            }
        }
        assertTrue(fillerCopies < 60 / 2, "most filler paragraphs should be gone, kept " + fillerCopies);
        assertFalse(c.content().contains("Retrieve more"), "no marker without a CCR hash");
    }

    @Test
    void leavesShortOrUnsplittableTextUnchanged() {
        CompressionContext ctx = CompressionContext.of("anything");
        String shortText = "Just a short note about the deployment.\n\nIt went fine.";
        assertFalse(compressor.compress(shortText, ctx).changed());
        assertEquals(shortText, compressor.compress(shortText, ctx).content());
        String onePara = String.join(" ", FILLER);
        assertFalse(compressor.compress(onePara, ctx).changed());
        assertFalse(compressor.compress(null, ctx).changed());
        assertFalse(compressor.compress("   ", ctx).changed());
    }

    @Test
    void detectsAnchors() {
        assertEquals(AnchorDetector.Strength.STRONG, AnchorDetector.strength("failed with ORA-00942 on insert"));
        assertEquals(AnchorDetector.Strength.STRONG, AnchorDetector.strength("error E1234 again"));
        assertEquals(AnchorDetector.Strength.STRONG, AnchorDetector.strength("commit 9f3c2a7e1b broke it"));
        assertEquals(AnchorDetector.Strength.STRONG, AnchorDetector.strength("key sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
        assertEquals(AnchorDetector.Strength.WEAK, AnchorDetector.strength("upgrade to 3.4.1 soon"));
        assertEquals(AnchorDetector.Strength.WEAK, AnchorDetector.strength("p99 latency is 250 ms"));
        assertEquals(AnchorDetector.Strength.NONE, AnchorDetector.strength("nothing special in this sentence"));
    }

    @Test
    void neverThrowsOnGarbage() {
        CompressionContext ctx = CompressionContext.of("x");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) sb.append((char) (i * 7919 % 0x2FFF)).append(i % 13 == 0 ? "\n\n" : " ");
        String garbage = sb.toString();
        Compressed c = compressor.compress(garbage, ctx);
        assertTrue(c.content().length() <= garbage.length());
        String fences = "```\n" + "code line\n".repeat(100);
        assertTrue(compressor.compress(fences, ctx).content().length() <= fences.length());
    }
}
