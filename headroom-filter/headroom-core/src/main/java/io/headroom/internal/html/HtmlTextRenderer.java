package io.headroom.internal.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders an HTML subtree as readable plain text: headings as {@code #}, list items as {@code -} (nested
 * lists indented), paragraphs separated by blank lines, {@code pre} verbatim in fences, table rows with
 * cells separated by {@code |}, link text kept and the URL added only where the text alone says nothing.
 * Not thread-safe: one instance per rendering.
 */
final class HtmlTextRenderer {

    private static final Pattern URL_LIKE = Pattern.compile("(?i)(https?://|www\\.)\\S+");
    private static final Set<String> VAGUE_LINK_TEXT = Set.of("here", "click here", "this", "link", "this link",
            "download", "source", "docs", "documentation", "read more", "more", "see here", "details");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header",
            "figure", "figcaption", "address", "details", "summary", "dl", "dt", "dd", "center", "caption",
            "fieldset", "legend", "body", "html", "hgroup");

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private String pendingPrefix = "";
    /** Nesting of the list being rendered; items inside a list are separated by single newlines. */
    private int listLevel;
    private boolean lastWasListBlock;

    static String render(Element root) {
        HtmlTextRenderer r = new HtmlTextRenderer();
        r.visit(root, 0);
        r.flushInline();
        return r.out.toString().strip();
    }

    private void visit(Node node, int listDepth) {
        if (node instanceof TextNode text) {
            appendInline(text.text());
            return;
        }
        if (!(node instanceof Element el)) return;
        String tag = el.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String heading = el.text().strip();
                if (!heading.isEmpty()) {
                    flushInline();
                    block("#".repeat(tag.charAt(1) - '0') + " " + heading);
                }
            }
            case "pre" -> {
                flushInline();
                block(fenced(el));
            }
            case "ul", "ol", "menu" -> list(el, listDepth, tag.equals("ol"));
            case "table" -> table(el);
            case "br" -> inline.append('\n');
            case "hr", "img", "picture", "video", "audio", "source", "track", "map", "area" -> {
            }
            case "a" -> link(el, listDepth);
            case "blockquote" -> {
                flushInline();
                String quoted = render(el);
                if (!quoted.isEmpty()) block("> " + quoted.replace("\n", "\n> "));
            }
            default -> {
                boolean isBlock = BLOCK_TAGS.contains(tag) || el.isBlock() && !tag.equals("li");
                if (isBlock) flushInline();
                for (Node child : el.childNodes()) visit(child, listDepth);
                if (isBlock) flushInline();
            }
        }
    }

    private void list(Element list, int depth, boolean ordered) {
        flushInline();
        listLevel++;
        int number = 1;
        for (Element child : list.children()) {
            if (!child.normalName().equals("li")) {
                visit(child, depth);
                continue;
            }
            pendingPrefix = "  ".repeat(depth) + (ordered ? (number++) + ". " : "- ");
            for (Node n : child.childNodes()) visit(n, depth + 1);
            flushInline();
            pendingPrefix = "";
        }
        listLevel--;
    }

    private void table(Element table) {
        flushInline();
        StringBuilder rows = new StringBuilder();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) continue; // rows of nested tables appear in their cell's text
            StringBuilder line = new StringBuilder();
            for (Element cell : row.children()) {
                if (!cell.is("td, th")) continue;
                if (!line.isEmpty()) line.append(" | ");
                line.append(cell.text().strip());
            }
            if (!line.toString().replace("|", "").isBlank()) {
                if (!rows.isEmpty()) rows.append('\n');
                rows.append(line);
            }
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && !caption.text().isBlank()) block(caption.text().strip());
        if (!rows.isEmpty()) block(rows.toString());
    }

    private void link(Element a, int listDepth) {
        String text = a.text().strip();
        String href = a.absUrl("href");
        if (href.isEmpty()) href = a.attr("href");
        boolean external = href.startsWith("http://") || href.startsWith("https://");
        if (text.isEmpty()) {
            for (Node child : a.childNodes()) visit(child, listDepth);
            return;
        }
        if (URL_LIKE.matcher(text).matches() || !external) {
            for (Node child : a.childNodes()) visit(child, listDepth);
            return;
        }
        if (VAGUE_LINK_TEXT.contains(text.toLowerCase(Locale.ROOT))) {
            appendInline(text + " (" + href + ")");
            return;
        }
        for (Node child : a.childNodes()) visit(child, listDepth);
    }

    private static String fenced(Element pre) {
        String code = pre.wholeText();
        code = code.replaceFirst("^\r?\n", "").stripTrailing();
        if (code.isEmpty()) return "";
        return "```\n" + code + "\n```";
    }

    private void appendInline(String text) {
        if (text.isEmpty()) return;
        boolean endsWithSpace = inline.isEmpty() || Character.isWhitespace(inline.charAt(inline.length() - 1));
        if (endsWithSpace && Character.isWhitespace(text.charAt(0))) text = text.stripLeading();
        inline.append(text);
    }

    private void flushInline() {
        String text = inline.toString().replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ").replaceAll(" *\n *", "\n").strip();
        inline.setLength(0);
        if (text.isEmpty()) return;
        block(text);
    }

    private void block(String text) {
        if (text.isEmpty()) return;
        boolean inList = listLevel > 0;
        if (!out.isEmpty()) out.append(inList && lastWasListBlock ? "\n" : "\n\n");
        String prefix = pendingPrefix;
        pendingPrefix = "";
        if (!prefix.isEmpty()) {
            text = prefix + text.replace("\n", "\n" + " ".repeat(prefix.length()));
        } else if (inList && !text.startsWith("```")) {
            String indent = "  ".repeat(listLevel);
            text = indent + text.replace("\n", "\n" + indent);
        }
        out.append(text);
        lastWasListBlock = inList;
    }
}
