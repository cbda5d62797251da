package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.headroom.ContentType;
import io.headroom.internal.route.ContentDetector;
import org.junit.jupiter.api.Test;

/** Well-formed XML and nesting YAML are detected as such, compressible or not; near-misses keep their old type. */
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
    void anyWellFormedXmlDocumentIsXmlWhetherOrNotItHasALongRun() {
        assertEquals(ContentType.XML, detector.detect("<config>\n  <a>1</a>\n  <b>2</b>\n</config>\n"));
        assertEquals(ContentType.XML, detector.detect(StructuredSamples.junit(3, 1)));
        String soapFault = "<?xml version=\"1.0\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Order 42 not found</faultstring>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
        assertEquals(ContentType.XML, detector.detect(soapFault));
    }

    @Test
    void xmlThatDoesNotParseHasADtdOrIsOneElementOfTextIsNotXml() {
        String unclosed = StructuredSamples.junit(100, 5).replace("</testsuite>\n", "");
        assertNotEquals(ContentType.XML, detector.detect(unclosed));
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"x\">]>\n<r>\n  <a>&a;</a>\n  <b>2</b>\n</r>\n";
        assertNotEquals(ContentType.XML, detector.detect(dtd));
        assertNotEquals(ContentType.XML, detector.detect("<b>Build failed</b> in step 3 of 7, see the log for details"));
        assertEquals(ContentType.TEXT, detector.detect("<error>Order 42 not found</error>"));
    }

    @Test
    void rssAndAtomWithLinkElementsAreXmlNotHtml() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>\n");
        for (int i = 0; i < 12; i++) {
            rss.append("<item><title>Release ").append(i).append("</title><link>https://example.org/").append(i)
                    .append("</link></item>\n");
        }
        assertEquals(ContentType.XML, detector.detect(rss.append("</channel></rss>\n").toString()));
        StringBuilder atom = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>Commits</title>\n");
        for (int i = 0; i < 12; i++) {
            atom.append("<entry><id>tag:github.com,2008:Commit/").append(i).append("</id><link rel=\"alternate\" href=\"/c/")
                    .append(i).append("\"/><updated>2026-01-0").append(1 + i % 9).append("T10:00:00Z</updated></entry>\n");
        }
        assertEquals(ContentType.XML, detector.detect(atom.append("</feed>\n").toString()));
    }

    @Test
    void htmlWithLinkElementsAndItsOwnTagsStaysHtml() {
        StringBuilder b = new StringBuilder("<div class=\"nav\">\n<link rel=\"stylesheet\" href=\"/s.css\">\n<ul>\n");
        for (int i = 0; i < 12; i++) b.append("<li>item ").append(i).append("</li>\n");
        assertEquals(ContentType.HTML, detector.detect(b.append("</ul>\n</div>\n").toString()));
    }

    @Test
    void yamlThatNestsIsYamlWhetherOrNotItHasALongRun() {
        String compose = "services:\n  web:\n    image: nginx:1.25\n    ports:\n      - \"8080:80\"\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_DB: shop\n";
        assertEquals(ContentType.YAML, detector.detect(compose));
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 3\n";
        assertEquals(ContentType.YAML, detector.detect(deployment));
        assertEquals(ContentType.YAML, detector.detect(StructuredSamples.configMaps(3, 1)));
    }

    @Test
    void shortOrFlatKeyValueTextIsNotYaml() {
        assertEquals(ContentType.TEXT, detector.detect("name: web\nimage: nginx\n"));
        assertEquals(ContentType.TEXT, detector.detect("a:\n  b: 1\n"));
        StringBuilder headers = new StringBuilder("HTTP/1.1 200 OK\n");
        for (String h : new String[] {"Content-Type: application/json", "Content-Length: 512", "Cache-Control: no-cache",
                "X-Request-Id: 9f8e7d", "Date: Mon, 02 Nov 2026 10:00:00 GMT", "Server: nginx"}) {
            headers.append(h).append('\n');
        }
        assertNotEquals(ContentType.YAML, detector.detect(headers.toString()));
        StringBuilder labels = new StringBuilder();
        for (String k : new String[] {"Summary", "Cause", "Impact", "Fix", "Owner", "Status"}) {
            labels.append(k).append(": the nightly export: it ran twice after the failover.\n");
        }
        assertNotEquals(ContentType.YAML, detector.detect(labels.toString()));
    }

    @Test
    void aMakefileAndMarkdownBulletsWithLabelsAreNotYaml() {
        StringBuilder make = new StringBuilder();
        for (int i = 0; i < 10; i++) make.append("target").append(i).append(": deps\n\tgo build ./cmd/").append(i).append('\n');
        assertNotEquals(ContentType.YAML, detector.detect(make.toString()));
        String bullets = "## Incident\n\n- Owner: alice\n- Status: resolved\n- Cause: a full disk\n- Fix: rotate the logs\n";
        assertNotEquals(ContentType.YAML, detector.detect(bullets));
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
