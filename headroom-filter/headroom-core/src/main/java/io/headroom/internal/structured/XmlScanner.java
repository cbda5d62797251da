package io.headroom.internal.structured;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the element structure of an XML document and where each element starts and ends in the text, which is
 * what lets kept elements be copied verbatim. A lexical scan, no entity handling: entity references stay as
 * written (only the five predefined ones and character references are decoded, for the items' values), and a
 * document type declaration makes the scan give up, so nothing is ever expanded. Well-formedness in full is
 * {@link HardenedXml}'s job; this scan only has to agree with it on documents that pass.
 *
 * <p>Bounded: more than {@link #MAX_ELEMENTS} elements or deeper than {@link #MAX_DEPTH} and it gives up.
 */
final class XmlScanner {
    static final int MAX_ELEMENTS = 500_000;
    static final int MAX_DEPTH = 256;

    private final String s;
    private int pos;
    private int elements;

    private XmlScanner(String s) {
        this.s = s;
    }

    /** The root element, or null when {@code text} is not one XML document this scan understands. */
    static XmlElement scan(String text) {
        try {
            return new XmlScanner(text).document();
        } catch (IndexOutOfBoundsException e) {
            return null; // truncated markup
        }
    }

    private XmlElement document() {
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') pos = 1;
        if (!skipMisc()) return null;
        if (pos >= s.length() || s.charAt(pos) != '<' || !isNameStart(s.charAt(pos + 1))) return null;
        XmlElement root = elementTree();
        if (root == null) return null;
        if (!skipMisc()) return null;
        return pos == s.length() ? root : null;
    }

    /** Whitespace, comments and processing instructions (the prolog and what may follow the root). */
    private boolean skipMisc() {
        while (true) {
            while (pos < s.length() && isSpace(s.charAt(pos))) pos++;
            if (s.startsWith("<!--", pos)) {
                if (!skipPast("-->")) return false;
            } else if (s.startsWith("<?", pos)) {
                if (!skipPast("?>")) return false;
            } else {
                return !s.startsWith("<!", pos); // a DOCTYPE: refused
            }
        }
    }

    private XmlElement elementTree() {
        Deque<XmlElement> open = new ArrayDeque<>();
        XmlElement root = null;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != '<') {
                int lt = s.indexOf('<', pos);
                if (lt < 0 || open.isEmpty()) return null;
                open.peek().appendText(decode(s.substring(pos, lt)));
                pos = lt;
                continue;
            }
            if (s.startsWith("<!--", pos)) {
                if (!skipPast("-->")) return null;
            } else if (s.startsWith("<![CDATA[", pos)) {
                int end = s.indexOf("]]>", pos + 9);
                if (end < 0 || open.isEmpty()) return null;
                open.peek().appendText(s.substring(pos + 9, end));
                pos = end + 3;
            } else if (s.startsWith("<?", pos)) {
                if (!skipPast("?>")) return null;
            } else if (s.startsWith("</", pos)) {
                int gt = s.indexOf('>', pos);
                if (gt < 0 || open.isEmpty()) return null;
                XmlElement top = open.pop();
                if (!s.substring(pos + 2, gt).strip().equals(top.name)) return null;
                pos = gt + 1;
                top.end = pos;
                if (open.isEmpty()) return root;
            } else if (s.startsWith("<!", pos) || !isNameStart(s.charAt(pos + 1))) {
                return null;
            } else {
                XmlElement e = startTag();
                if (e == null || ++elements > MAX_ELEMENTS) return null;
                if (open.isEmpty()) {
                    if (root != null) return null;
                    root = e;
                } else {
                    open.peek().children.add(e);
                }
                if (e.end < 0) {
                    if (open.size() >= MAX_DEPTH) return null;
                    open.push(e);
                } else if (open.isEmpty()) {
                    return root; // an empty root element
                }
            }
        }
        return null; // unclosed elements
    }

    /** A start tag at {@code pos}; its end stays -1 unless it is empty ({@code />}). */
    private XmlElement startTag() {
        int at = pos;
        pos++;
        String name = name();
        XmlElement e = new XmlElement(name, at);
        e.end = -1;
        while (true) {
            boolean spaced = skipSpace();
            char c = s.charAt(pos);
            if (c == '>') {
                pos++;
                return e;
            }
            if (c == '/') {
                if (s.charAt(pos + 1) != '>') return null;
                pos += 2;
                e.end = pos;
                return e;
            }
            if (!spaced || !isNameStart(c)) return null;
            String attr = name();
            skipSpace();
            if (s.charAt(pos) != '=') return null;
            pos++;
            skipSpace();
            char quote = s.charAt(pos);
            if (quote != '"' && quote != '\'') return null;
            int close = s.indexOf(quote, pos + 1);
            if (close < 0) return null;
            String value = s.substring(pos + 1, close);
            if (value.indexOf('<') >= 0 || e.attributes.containsKey(attr)) return null;
            e.attributes.put(attr, decode(value));
            pos = close + 1;
        }
    }

    private String name() {
        int from = pos;
        while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
        return s.substring(from, pos);
    }

    private boolean skipSpace() {
        int from = pos;
        while (pos < s.length() && isSpace(s.charAt(pos))) pos++;
        return pos > from;
    }

    private boolean skipPast(String terminator) {
        int end = s.indexOf(terminator, pos + 2);
        if (end < 0) return false;
        pos = end + terminator.length();
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }

    /** The predefined entities and character references, for the items' values; anything else stays as written. */
    static String decode(String raw) {
        if (raw.indexOf('&') < 0) return raw;
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int semi = c == '&' ? raw.indexOf(';', i) : -1;
            if (semi < 0 || semi - i > 10) {
                out.append(c);
                i++;
                continue;
            }
            String ref = raw.substring(i + 1, semi);
            String decoded = switch (ref) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> characterReference(ref);
            };
            if (decoded == null) {
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String characterReference(String ref) {
        if (!ref.startsWith("#") || ref.length() < 2) return null;
        try {
            int cp = ref.charAt(1) == 'x' ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
