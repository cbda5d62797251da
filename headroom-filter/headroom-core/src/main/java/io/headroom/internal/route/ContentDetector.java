package io.headroom.internal.route;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.headroom.ContentType;
import io.headroom.internal.content.TextLines;
import io.headroom.internal.logs.LogSignals;
import io.headroom.internal.search.GrepLine;
import io.headroom.internal.structured.XmlShape;
import io.headroom.internal.structured.YamlShape;
import io.headroom.internal.table.TableShape;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a tool output is by structure alone (see the seed's how-compression-works.md). Checks run
 * from the most to the least specific: JSON (it must parse), unified diff, HTML, grep results, then build
 * logs against source code by the share of lines carrying each one's signals, and plain text last.
 *
 * <p>Line checks are plain scans and see at most {@value #SAMPLE_LINES} lines (head, tail and an even
 * spread of the middle), so detection stays in the low milliseconds on megabyte outputs. Thread-safe.
 */
public final class ContentDetector {
    static final int SAMPLE_LINES = 1500;
    /** Share of non-blank lines that must be grep results. */
    static final double SEARCH_SHARE = 0.6;
    /** A log this dominated by log lines is a log whatever else it contains. */
    static final double LOG_DOMINANT_SHARE = 0.5;
    static final double LOG_SHARE = 0.3;
    static final double CODE_SHARE = 0.3;
    private static final String[] HTML_TAGS = {"<div", "<p>", "<p ", "<body", "<head", "<span", "<a ", "<table",
            "<ul", "<li", "<script", "<nav", "<section", "<article", "<br", "<h1", "<h2"};
    private static final String[] DECLARATION_STARTS = {"def ", "class ", "import ", "function ", "func ", "fn ",
            "pub ", "public ", "private ", "protected ", "package ", "#include", "#define", "#pragma", "const ",
            "let ", "var ", "return", "export ", "interface ", "struct ", "enum ", "impl ", "use ", "static ",
            "async ", "await ", "throw ", "raise ", "yield ", "//", "/*", "*/", "#!", "namespace ", "module ",
            "require(", "require ", "using ", "typedef ", "template<", "val ", "override ", "abstract ", "final "};
    private static final String[] BLOCK_KEYWORDS = {"if ", "if(", "for ", "for(", "while ", "while(", "else", "elif ",
            "try", "except", "catch", "finally", "switch", "case ", "with ", "do "};

    private final JsonFactory json = JsonFactory.builder().build();

    public ContentType detect(String content) {
        if (content == null || content.isBlank()) return ContentType.TEXT;
        int first = TextLines.indent(content);
        char c = content.charAt(first);
        if ((c == '[' || c == '{') && isJson(content)) return ContentType.JSON;
        List<String> lines = TextLines.sample(TextLines.split(content), SAMPLE_LINES);
        if (isDiff(lines)) return ContentType.DIFF;
        if (c == '<' && isHtml(content, first)) return ContentType.HTML;
        if (TableShape.isTable(lines)) return ContentType.TABLE;
        if (c == '<' && XmlShape.isXml(content)) return ContentType.XML;
        if (YamlShape.isYaml(content, lines)) return ContentType.YAML;
        return byLineShares(lines);
    }

    /** One JSON value (array or object) and nothing after it; streamed, no tree is built. */
    boolean isJson(String content) {
        try (JsonParser p = json.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false; // "[INFO] Building app" and friends start like JSON too
        }
    }

    static boolean isDiff(List<String> lines) {
        int hunks = 0;
        int fileHeaders = 0;
        int changeLines = 0;
        int nonBlank = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isEmpty()) continue;
            nonBlank++;
            if (l.startsWith("diff --git ") || (l.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ "))) {
                fileHeaders++;
            } else if (l.startsWith("@@ -") && l.indexOf(" @@", 4) > 0) {
                hunks++;
            } else {
                char c = l.charAt(0);
                if (c == '+' || c == '-' || c == ' ' || c == '\\') changeLines++;
            }
        }
        if (hunks == 0) return false;
        // without file headers (a bare hunk) nearly every line must still be a diff line
        return fileHeaders > 0 || changeLines + hunks >= 0.8 * nonBlank;
    }

    static boolean isHtml(String content, int first) {
        String head = content.substring(first, Math.min(content.length(), first + 2048)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
        int tags = 0;
        for (int i = content.indexOf('<'); i >= 0 && tags < 20; i = content.indexOf('<', i + 1)) {
            if (i + 1 < content.length() && (Character.isLetter(content.charAt(i + 1)) || content.charAt(i + 1) == '/')) tags++;
        }
        if (tags < 10) return false;
        String lower = content.length() > 65_536 ? content.substring(0, 65_536).toLowerCase(Locale.ROOT) : content.toLowerCase(Locale.ROOT);
        for (String tag : HTML_TAGS) {
            if (hasTag(lower, tag)) return true; // tag soup with HTML's own tags; XML documents have none of them
        }
        return false;
    }

    /**
     * Whether {@code tag} ({@code "<li"}) occurs as a whole tag name: followed by {@code >}, {@code /} or
     * whitespace, so that RSS's {@code <link>} or a {@code <header>} element of some XML are not HTML's
     * {@code <li>} and {@code <head>}. Tags written with their delimiter ({@code "<p>"}) are whole already.
     */
    static boolean hasTag(String lower, String tag) {
        char lastOfTag = tag.charAt(tag.length() - 1);
        boolean whole = lastOfTag == '>' || lastOfTag == ' ';
        for (int i = lower.indexOf(tag); i >= 0; i = lower.indexOf(tag, i + 1)) {
            int after = i + tag.length();
            if (whole || after == lower.length()) return true; // cut off at the end of the window: as before
            char c = lower.charAt(after);
            if (c == '>' || c == '/' || Character.isWhitespace(c)) return true;
        }
        return false;
    }

    private static ContentType byLineShares(List<String> lines) {
        int nonBlank = 0;
        int grep = 0;
        int log = 0;
        int code = 0;
        boolean strongLog = false;
        for (String l : lines) {
            if (l.isBlank()) continue;
            nonBlank++;
            if (GrepLine.parse(l) != null) grep++;
            if (LogSignals.isLogLine(l)) {
                log++;
                strongLog |= LogSignals.isStrongMarker(l);
            }
            if (looksLikeCode(l)) code++;
        }
        if (nonBlank == 0) return ContentType.TEXT;
        double grepShare = (double) grep / nonBlank;
        double logShare = (double) log / nonBlank;
        double codeShare = (double) code / nonBlank;
        if (grepShare >= SEARCH_SHARE) return ContentType.SEARCH;
        if (logShare >= LOG_DOMINANT_SHARE || (strongLog && logShare >= LOG_SHARE / 2)) return ContentType.LOG;
        if (codeShare >= CODE_SHARE && codeShare > logShare) return ContentType.CODE;
        if (logShare >= LOG_SHARE) return ContentType.LOG;
        return ContentType.TEXT;
    }

    /** Declarations, block openers and closers, statement ends, annotations: the shape of source lines. */
    static boolean looksLikeCode(String line) {
        String t = line.strip();
        if (t.isEmpty()) return false;
        for (String s : DECLARATION_STARTS) {
            if (t.startsWith(s)) return true;
        }
        if (t.startsWith("from ") && t.contains(" import ")) return true;
        char last = t.charAt(t.length() - 1);
        // a closing brace counts when it opens the line: prose "{see below}" ends with one too
        if (last == '{' || last == ';' || t.charAt(0) == '}' || t.equals(")") || t.equals("]")) return true;
        if (t.charAt(0) == '@' && t.length() > 1 && Character.isLetter(t.charAt(1))) return true; // decorators, annotations
        for (String k : BLOCK_KEYWORDS) {
            if (t.startsWith(k) && (last == ':' || last == ')' || last == '{')) return true;
        }
        // an indented assignment or call statement: "    total = compute(x)"
        return line.length() > t.length() && Character.isJavaIdentifierStart(t.charAt(0))
                && (t.contains(" = ") || t.contains(" += ")) && !t.contains(": ");
    }
}
