package io.headroom.internal.html;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.text.TextCompressor;
import io.headroom.internal.text.Words;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an HTML page into its article text: boilerplate removed ({@link BoilerplateFilter}), main content
 * located ({@link MainContentLocator}) and rendered as readable text ({@link HtmlTextRenderer}), the page
 * title first. Extraction alone usually saves 70-90% of a real page; a page whose article is still longer
 * than {@link #LONG_ARTICLE_WORDS} words is further reduced to its relevant paragraphs by
 * {@link TextCompressor}. The CCR marker counts characters (HTML is often a single line, so lines say
 * little): {@code [21638 chars compressed to 6512. Retrieve more: hash=...]}.
 */
public final class HtmlCompressor implements ContentCompressor {

    /** Article text longer than this is also reduced paragraph-wise. */
    public static final int LONG_ARTICLE_WORDS = 2000;

    private static final Pattern HTML_SIGNAL = Pattern.compile(
            "(?i)<(!doctype\\s+html|html|head|body|div|p|article|main|section|span|table|ul|ol|h[1-6]|a\\s)[\\s>/]");

    private final TextCompressor textCompressor;

    public HtmlCompressor() {
        this.textCompressor = new TextCompressor();
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        try {
            if (content == null || content.isBlank() || !HTML_SIGNAL.matcher(content).find()) {
                return Compressed.unchanged(content);
            }
            String text = extract(content);
            if (text.isBlank()) return Compressed.unchanged(content);
            String query = context == null ? null : context.query();
            if (Words.count(text) > LONG_ARTICLE_WORDS) {
                TextCompressor.Reduction reduced = textCompressor.reduce(text, query);
                if (reduced != null) text = reduced.text();
            }
            String marker = context == null ? "" : context.marker(content.length(), text.length(), "chars");
            String out = marker.isEmpty() ? text : text + "\n\n" + marker;
            if (out.length() >= content.length()) return Compressed.unchanged(content);
            return new Compressed(true, out, content.length(), text.length());
        } catch (RuntimeException | StackOverflowError e) {
            return Compressed.unchanged(content);
        }
    }

    /** The readable article text of {@code html}, title first; empty when the page has no text. */
    public static String extract(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title().strip();
        BoilerplateFilter.clean(doc);
        Element root = MainContentLocator.locate(doc.body());
        String body = HtmlTextRenderer.render(root);
        if (title.isEmpty() || body.startsWith("# " + title) || body.isEmpty()) return body;
        return title + "\n\n" + body;
    }
}
