package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentType;
import io.headroom.HeadroomConfig;
import io.headroom.internal.text.TextCompressor;
import org.junit.jupiter.api.Test;

/**
 * XML and YAML are routed as such even with nothing to select from; what has no long run leaves their
 * compressors for the text path, so its output is what the text path made of it before it was detected.
 */
class StructuredRoutingTest {
    private static final CompressionContext CTX = new CompressionContext("which service listens on 9090?",
            "feedfacefeedfacefeedface", "t", 3, false);
    private final ContentRouter router = ContentRouter.create(HeadroomConfig.defaults());

    @Test
    void xmlWithoutALongRunGoesToTheTextPathUnderItsOwnType() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<handbook>\n");
        for (int i = 0; i < 60; i++) {
            // alternating names: no run of same-named siblings; blank lines make paragraphs for the text path
            b.append("  <note>The ").append(word(i + 5)).append(" team reviewed it last week and found nothing to change.</note>\n");
            b.append("  <para>The ").append(word(i)).append(" worker keeps the ").append(word(i + 3))
                    .append(" records in sync with the warehouse and retries what it could not deliver.</para>\n\n");
        }
        String xml = b.append("</handbook>\n").toString();
        Routed routed = router.route(xml, CTX);
        assertEquals(ContentType.XML, routed.type());
        assertSameAsTextPath(xml, routed);
    }

    @Test
    void yamlWithoutALongRunGoesToTheTextPathUnderItsOwnType() {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < 60; i++) {
            b.append("  ").append(word(i)).append('_').append(word(i / WORDS.length)).append(":\n")
                    .append("    summary: the ").append(word(i + 3)).append(" team owns it and deploys it from the main branch\n")
                    .append("    notes:\n      - it retries what it could not deliver\n\n");
        }
        String yaml = b.toString();
        Routed routed = router.route(yaml, CTX);
        assertEquals(ContentType.YAML, routed.type());
        assertSameAsTextPath(yaml, routed);
    }

    @Test
    void xmlAndYamlWithALongRunAreStillCompressedByTheirOwnCompressors() {
        StringBuilder junit = new StringBuilder("<testsuite name=\"s\">\n");
        for (int i = 0; i < 200; i++) junit.append("  <testcase name=\"case").append(i).append("\" time=\"0.01\"/>\n");
        Routed xml = router.route(junit.append("</testsuite>\n").toString(), CTX);
        assertEquals(ContentType.XML, xml.type());
        assertTrue(xml.result().content().contains("<testcase> elements omitted -->"), xml.result().content());

        StringBuilder pods = new StringBuilder("items:\n");
        for (int i = 0; i < 200; i++) pods.append("- name: web-").append(i).append("\n  phase: Running\n");
        Routed yaml = router.route(pods.toString(), CTX);
        assertEquals(ContentType.YAML, yaml.type());
        assertTrue(yaml.result().content().contains("items omitted"), yaml.result().content());
    }

    private static final String[] WORDS = {"billing", "search", "catalog", "checkout", "shipping", "returns", "pricing",
            "inventory", "payments", "reviews", "accounts", "loyalty"};

    private static String word(int i) {
        return WORDS[i % WORDS.length];
    }

    private static void assertSameAsTextPath(String content, Routed routed) {
        Compressed text = new TextCompressor().compress(content, CTX);
        assertTrue(text.changed(), "the sample must be one the text path compresses");
        assertEquals(text.content(), routed.result().content());
    }
}
