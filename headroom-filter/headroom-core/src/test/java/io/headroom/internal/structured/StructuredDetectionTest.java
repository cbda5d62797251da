package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.ContentType;
import io.headroom.internal.route.ContentDetector;
import org.junit.jupiter.api.Test;

/** XML and YAML are detected when they are records worth compressing; near-misses keep their old type. */
class StructuredDetectionTest {
    private final ContentDetector detector = new ContentDetector();

    @Test
    void xmlWithALongRunIsXml() {
        assertEquals(ContentType.XML, detector.detect(StructuredSamples.junit(100, 5)));
        assertEquals(ContentType.XML, detector.detect("  \n" + StructuredSamples.junit(40, 5).substring(39)));
    }

    @Test
    void yamlListsAndStreamsAreYaml() {
        assertEquals(ContentType.YAML, detector.detect(StructuredSamples.pods(40, 5)));
        assertEquals(ContentType.YAML, detector.detect(StructuredSamples.configMaps(30, 5)));
    }

    @Test
    void htmlStaysHtml() {
        StringBuilder b = new StringBuilder("<html><body><ul>\n");
        for (int i = 0; i < 60; i++) b.append("<li><a href=\"/p/").append(i).append("\">Page ").append(i).append("</a></li>\n");
        assertEquals(ContentType.HTML, detector.detect(b.append("</ul></body></html>").toString()));
        StringBuilder xhtml = new StringBuilder("<div class=\"list\">\n");
        for (int i = 0; i < 60; i++) xhtml.append("  <div class=\"row\"><span>").append(i).append("</span></div>\n");
        assertEquals(ContentType.HTML, detector.detect(xhtml.append("</div>").toString()));
    }

    @Test
    void xmlWithoutALongRunOrThatDoesNotParseIsNotXml() {
        assertEquals(ContentType.TEXT, detector.detect("<config>\n  <a>1</a>\n  <b>2</b>\n</config>\n"));
        String unclosed = StructuredSamples.junit(100, 5).replace("</testsuite>\n", "");
        assertEquals(false, detector.detect(unclosed) == ContentType.XML);
    }

    @Test
    void logsWithKeyValueLinesAreNotYaml() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            b.append("INFO: request ").append(i).append(" served\n").append("status: 200\n").append("- retry scheduled\n");
        }
        assertEquals(false, detector.detect(b.toString()) == ContentType.YAML);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 80; i++) log.append("2026-11-02 10:00:").append(i % 60).append(" ERROR worker: job ").append(i).append(" failed\n");
        assertEquals(ContentType.LOG, detector.detect(log.toString()));
    }

    @Test
    void markdownBulletListsAreNotYaml() {
        StringBuilder b = new StringBuilder("# Release notes\n\n");
        for (int i = 0; i < 60; i++) b.append("- Fix: issue ").append(i).append(" no longer crashes the importer\n");
        assertEquals(false, detector.detect(b.toString()) == ContentType.YAML);
        StringBuilder plain = new StringBuilder("## Todo\n");
        for (int i = 0; i < 60; i++) plain.append("- write the chapter ").append(i).append('\n');
        assertEquals(false, detector.detect(plain.toString()) == ContentType.YAML);
    }

    @Test
    void pythonDictsCodeAndProseAreNotYaml() {
        StringBuilder dict = new StringBuilder();
        for (int i = 0; i < 40; i++) dict.append("{'id': ").append(i).append(", 'name': 'n").append(i).append("'}\n");
        assertEquals(false, detector.detect(dict.toString()) == ContentType.YAML);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 30; i++) code.append("def handler_").append(i).append("(event):\n    if event:\n        return process(event)\n    else:\n        return None\n");
        assertEquals(ContentType.CODE, detector.detect(code.toString()));
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < 30; i++) prose.append("Note: the meeting moved to room ").append(i).append(". Reason: the projector broke again.\n");
        assertEquals(false, detector.detect(prose.toString()) == ContentType.YAML);
    }
}
