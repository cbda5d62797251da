package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentType;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.internal.route.ContentDetector;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.route.Routed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input: invalid XML, entity bombs, external entities, YAML alias bombs, mixed encodings. Each is
 * compressed correctly or left to the text path; nothing is expanded or read, and no exception escapes.
 */
class HostileInputTest {
    private static final CompressionContext CTX = new CompressionContext(null, "h1", "tool", 5, false);
    private final ContentDetector detector = new ContentDetector();
    private final ContentRouter router = ContentRouter.create(HeadroomConfig.defaults());
    private final XmlCompressor xml = new XmlCompressor(CrusherConfig.defaults());
    private final YamlCompressor yaml = new YamlCompressor(CrusherConfig.defaults());

    private static String testcases(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append("  <testcase name=\"case").append(i).append("\">&lol9;</testcase>\n");
        return b.toString();
    }

    @Test
    void unclosedTagsAreLeftToTheTextPath() {
        String broken = StructuredSamples.junit(100, 5).replace("</testsuite>\n", "").replace("<testcase name=\"case9\"", "<testcase name=\"case9\" <oops");
        assertFalse(xml.compress(broken, CTX).changed());
        assertNotEquals(ContentType.XML, detector.detect(broken));
        Routed routed = router.route(broken, CTX); // whatever the text path makes of it, without an exception
        assertNotEquals(ContentType.XML, routed.type());
    }

    @Test
    void billionLaughsIsNeverExpanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        dtd.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        String bomb = dtd.append("]>\n<testsuite>\n").append(testcases(50)).append("</testsuite>\n").toString();
        assertFalse(HardenedXml.isWellFormed(bomb));
        assertFalse(xml.compress(bomb, CTX).changed());
        assertNotEquals(ContentType.XML, detector.detect(bomb));
        Routed routed = router.route(bomb, CTX);
        assertFalse(routed.result().content().contains("lollollol"), "no entity was expanded");
        assertTrue(routed.result().content().length() <= bomb.length() + 200);
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n<testsuite>\n"
                + testcases(50).replace("&lol9;", "&xxe;") + "</testsuite>\n";
        assertFalse(HardenedXml.isWellFormed(xxe));
        assertFalse(xml.compress(xxe, CTX).changed());
        Routed routed = router.route(xxe, CTX);
        assertFalse(routed.result().content().contains("TOP-SECRET-CONTENT"));
        // an undeclared entity without any DTD is not well-formed either
        assertFalse(HardenedXml.isWellFormed("<a>\n" + testcases(30) + "</a>"));
    }

    @Test
    void yamlAliasBombFailsFastAndIsLeftAlone() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                + "items:\n" + "- name: x\n  value: *g\n".repeat(40);
        assertEquals(null, YamlStream.read(bomb));
        assertFalse(yaml.compress(bomb, CTX).changed());
        assertNotEquals(ContentType.YAML, detector.detect(bomb));
        // a few aliases are fine, and each item's row is bounded even so
        String fewAliases = "defaults: &d {cpu: 1, mem: 2}\nitems:\n" + "- name: x\n  limits: *d\n".repeat(40);
        assertTrue(yaml.compress(fewAliases, CTX).changed());
    }

    @Test
    void recursiveYamlIsBoundedNotLooping() {
        String recursive = "items:\n" + "- &n {name: x, self: *n}\n".repeat(3) + "- name: y\n  v: 1\n".repeat(30);
        Compressed c = yaml.compress(recursive, CTX); // must return, whatever it decides
        assertTrue(c.content().length() <= recursive.length() + 200);
    }

    @Test
    void mixedEncodingsDoNotBreakEitherParser() {
        // a byte-order mark, Latin-1 read as UTF-8 (replacement characters), mojibake and astral characters
        String xmlText = "\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + StructuredSamples.junit(60, 7)
                .substring(39).replace("boom", "caf\uFFFD \u00c3\u00a9t\u00e9 \uD83D\uDE00");
        Compressed x = xml.compress(xmlText, CTX);
        assertTrue(x.changed());
        assertTrue(x.content().contains("caf\uFFFD \u00c3\u00a9t\u00e9 \uD83D\uDE00"));
        String yamlText = "\uFEFF" + StructuredSamples.pods(60, 7).replace("name: web-7\n", "name: w\u00e9b-\uD83D\uDE00-\uFFFD\n");
        Compressed y = yaml.compress(yamlText, CTX);
        assertTrue(y.changed());
        assertTrue(y.content().contains("name: w\u00e9b-\uD83D\uDE00-\uFFFD\n"));
        // a lone surrogate (half of a broken astral character) leaves the text to the text path, without exception
        String lone = StructuredSamples.pods(60, 7).replace("name: web-8\n", "name: web-\uD83D-8\n");
        router.route(lone, CTX);
        String loneXml = StructuredSamples.junit(60, 7).replace("case8", "case\uD83D8");
        router.route(loneXml, CTX);
    }

    @Test
    void hugeInputIsRefusedByTheLimitsNotParsed() {
        String big = "items:\n" + "- name: x\n  value: 1\n".repeat(YamlStream.MAX_CHARS / 20);
        assertTrue(big.length() > YamlStream.MAX_CHARS);
        assertEquals(null, YamlStream.read(big));
    }
}
