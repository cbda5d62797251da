package io.headroom.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.HeadroomConfig;
import io.headroom.internal.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlCompressorTest {

    private final HtmlCompressor compressor = new HtmlCompressor();

    /** The article body of every test page: each sentence must survive extraction. */
    private static final List<String> ARTICLE = List.of(
            "Connection pooling reduces the latency of every request by reusing sockets.",
            "The pool keeps at most 32 idle connections per host, configurable with maxIdle.",
            "When a connection fails its health check, it is evicted and replaced within 250ms.",
            "Timeouts are enforced per attempt, not per logical request.",
            "Retries use exponential backoff starting at 100ms with full jitter.",
            "Set the header X-Request-Id to correlate retries across services.",
            "Version 3.4.1 fixed a leak where evicted sockets were never closed.");
    private static final List<String> NOISE = List.of("Home", "Pricing", "Accept all cookies", "Subscribe to our newsletter",
            "Share on Twitter", "Related posts", "Copyright 2025 Example Inc", "gtag(", "display:none", "Advertisement",
            "You might also like", "Skip to content");

    private static String paragraphs(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.append("<p>").append(ARTICLE.get(i)).append("</p>\n");
        return sb.toString();
    }

    private static final String CHROME_TOP = """
            <a class="skip-link" href="#main">Skip to content</a>
            <div id="cookie-banner" class="consent"><p>We use cookies to improve your experience.</p><button>Accept all cookies</button></div>
            <header class="site-header"><a href="/">Home</a> <a href="/pricing">Pricing</a></header>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/docs">Docs</a></li><li><a href="/pricing">Pricing</a></li></ul></nav>
            """;
    private static final String CHROME_BOTTOM = """
            <aside class="related"><h3>Related posts</h3><ul><li><a href="/a">You might also like</a></li></ul></aside>
            <div class="ad-slot ad"><span>Advertisement</span></div>
            <div class="newsletter"><p>Subscribe to our newsletter for weekly tips.</p></div>
            <div class="social-share"><a href="https://twitter.com/share">Share on Twitter</a></div>
            <footer><p>Copyright 2025 Example Inc</p><a href="/legal">Legal</a></footer>
            <script>window.dataLayer = []; function gtag(){dataLayer.push(arguments)}</script>
            <style>.hidden{display:none}</style>
            """;

    private static final String SEMANTIC_PAGE = "<!DOCTYPE html><html><head><title>Connection pooling guide</title>"
            + "<style>body{font-family:sans-serif}</style></head><body>" + CHROME_TOP
            + "<main><article><header><h1>Connection pooling</h1></header>"
            + paragraphs(0, 3) + "<h2>Timeouts and retries</h2><ul><li>" + ARTICLE.get(3) + "</li><li>" + ARTICLE.get(4)
            + "</li></ul>" + paragraphs(5, 7) + "<footer class=\"share-bar\"><a href=\"#\">Share on Twitter</a></footer>"
            + "</article></main>" + CHROME_BOTTOM + "</body></html>";

    /** No main/article landmark: content must be found by text density. */
    private static final String DIV_PAGE = "<html><head><title>Pooling</title></head><body>" + CHROME_TOP
            + "<div class=\"layout page-with-sidebar\"><div class=\"sidebar\"><ul>"
            + "<li><a href=\"/x\">Related posts</a></li><li><a href=\"/y\">You might also like</a></li></ul></div>"
            + "<div class=\"content\"><h1>Connection pooling</h1>" + paragraphs(0, 4)
            + "<div class=\"box\"><p>" + ARTICLE.get(4) + "</p><p>" + ARTICLE.get(5) + "</p></div>"
            + paragraphs(6, 7) + "</div></div>" + CHROME_BOTTOM + "</body></html>";

    @Test
    void keepsEveryArticleSentenceAndDropsNoiseOnSemanticPage() {
        assertRecall(SEMANTIC_PAGE);
    }

    @Test
    void keepsEveryArticleSentenceAndDropsNoiseOnDivPage() {
        assertRecall(DIV_PAGE);
    }

    private void assertRecall(String page) {
        Compressed c = compressor.compress(page, CompressionContext.of(null));
        assertTrue(c.changed(), "page should be extracted");
        String text = c.content();
        int kept = 0;
        for (String sentence : ARTICLE) if (text.contains(sentence)) kept++;
        assertEquals(ARTICLE.size(), kept, "recall must be 100%:\n" + text);
        for (String noise : NOISE) assertFalse(text.contains(noise), () -> "noise '" + noise + "' survived:\n" + text);
        assertTrue(text.contains("Connection pooling"), "title or heading kept");
        assertTrue(text.length() < page.length() / 2, "extraction should at least halve the page");
    }

    @Test
    void rendersStructure() {
        String page = """
                <html><head><title>API notes</title></head><body><article>
                <h2>Install</h2>
                <p>Run the installer with <code>--prefix</code> set.</p>
                <pre>
                mvn -B install
                  -DskipTests</pre>
                <ol><li>First step</li><li>Second step<ul><li>nested detail</li></ul></li></ol>
                <table><tr><th>Code</th><th>Meaning</th></tr><tr><td>E1001</td><td>bad token</td></tr></table>
                <p>See <a href="https://example.org/docs/install">https://example.org/docs/install</a> or click
                <a href="https://example.org/faq">here</a> or read the <a href="/guide">guide</a>.</p>
                </article></body></html>""";
        String text = HtmlCompressor.extract(page);
        assertTrue(text.startsWith("API notes"), text);
        assertTrue(text.contains("## Install"), text);
        assertTrue(text.contains("Run the installer with --prefix set."), text);
        assertTrue(text.contains("```\nmvn -B install\n  -DskipTests\n```"), text);
        assertTrue(text.contains("1. First step\n2. Second step\n  - nested detail"), text);
        assertTrue(text.contains("Code | Meaning\nE1001 | bad token"), text);
        assertTrue(text.contains("https://example.org/docs/install"), text);
        assertTrue(text.contains("here (https://example.org/faq)"), text);
        assertTrue(text.contains("read the guide."), text);
        assertFalse(text.contains("/guide"), text);
    }

    @Test
    void appendsMarkerCountingChars() {
        CompressionContext ctx = new CompressionContext(null, "h4sh", "fetch", 5, false);
        Compressed c = compressor.compress(SEMANTIC_PAGE, ctx);
        assertTrue(c.content().endsWith("[" + SEMANTIC_PAGE.length() + " chars compressed to " + c.keptUnits()
                + ". Retrieve more: hash=h4sh]"), c.content());
        assertEquals(SEMANTIC_PAGE.length(), c.originalUnits());
    }

    @Test
    void corpusCaseHtml60KeepsNeedleAndSavesHalfOfTheRequest() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode corpus;
        try (InputStream in = getClass().getResourceAsStream("/content/html_60.json")) {
            corpus = mapper.readTree(in);
        }
        JsonNode request = corpus.get("request");
        String query = corpus.get("query").asText();
        ObjectNode compressed = request.deepCopy();
        int toolOutputs = 0;
        for (JsonNode m : compressed.withArray("messages")) {
            if (!"tool".equals(m.path("role").asText())) continue;
            String html = m.get("content").asText();
            Compressed c = compressor.compress(html, new CompressionContext(query, "0123abcd", "fetch_url", 0, false));
            assertTrue(c.changed());
            for (JsonNode needle : corpus.path("expect").path("must_keep")) {
                assertTrue(c.content().contains(needle.asText()), "needle " + needle + " lost:\n" + c.content());
            }
            ((ObjectNode) m).put("content", c.content());
            toolOutputs++;
        }
        assertEquals(1, toolOutputs);
        TokenCounter.Tokenizer tokens = new TokenCounter().forModel(request.path("model").asText());
        int before = tokens.countExact(mapper.writeValueAsString(request));
        int after = tokens.countExact(mapper.writeValueAsString(compressed));
        double savings = 100.0 * (before - after) / before;
        System.out.printf("html_60: %d -> %d tokens (%.1f%% saved)%n", before, after, savings);
        assertTrue(savings >= corpus.path("expect").path("min_savings").asDouble(), "savings " + savings);
    }

    @Test
    void longArticleIsAlsoReducedToRelevantParagraphs() {
        StringBuilder page = new StringBuilder("<html><head><title>Changelog</title></head><body><nav><a href=\"/\">Home</a></nav><main>");
        for (int i = 0; i < 150; i++) {
            page.append("<p>Entry ").append(i).append(" describes routine maintenance of the build pipeline, ")
                    .append("dependency updates and small documentation fixes across the modules.</p>");
            if (i == 97) page.append("<p>Breaking change: the orders endpoint now requires the Idempotency-Key header.</p>");
        }
        page.append("</main></body></html>");
        Compressed c = compressor.compress(page.toString(), CompressionContext.of("which breaking change requires a header"));
        assertTrue(c.changed());
        assertTrue(c.content().contains("Breaking change: the orders endpoint now requires the Idempotency-Key header."));
        assertTrue(c.content().contains("paragraphs omitted"), "a 2000+ word article goes through the text compressor");
        String fullText = HtmlCompressor.extract(page.toString());
        assertTrue(c.content().length() < fullText.length() * 0.6);
    }

    @Test
    void leavesNonHtmlAndOddInputAlone() {
        CompressionContext ctx = CompressionContext.of("q");
        assertFalse(compressor.compress("plain text, no markup at all", ctx).changed());
        assertFalse(compressor.compress("", ctx).changed());
        assertFalse(compressor.compress(null, ctx).changed());
        assertFalse(compressor.compress("<html><body><script>only()</script></body></html>", ctx).changed());
        String garbage = "<div><p>unclosed <b>tags <<<>>> &amp;&bogus; <table><tr><td>x".repeat(200);
        Compressed c = compressor.compress(garbage, ctx);
        assertTrue(c.content().length() <= garbage.length());
        String deep = "<div>".repeat(5000) + "deep text" + "</div>".repeat(5000);
        Compressed d = compressor.compress(deep, ctx);
        assertTrue(!d.changed() || d.content().contains("deep text"));
    }
}
