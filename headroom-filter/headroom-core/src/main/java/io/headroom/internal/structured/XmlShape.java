package io.headroom.internal.structured;

/**
 * Whether a tool output is an XML document: it starts like XML, the structural scan finds one root element with
 * child elements, and the hardened parser accepts it. Whether it has anything worth compressing is the
 * compressor's question, not this one's. Documents with a document type declaration, that do not parse, or that
 * are a single element of text ({@code <b>bold</b>}) are not XML here and stay on the text path. HTML never gets
 * here: the detector's HTML check runs first. Thread-safe.
 */
public final class XmlShape {
    /** What the detector found, for the compressor the router calls next. */
    private static final LastParse<XmlElement> PARSED = new LastParse<>();

    private XmlShape() {
    }

    /** @param content a tool output whose first non-blank character is {@code <} */
    public static boolean isXml(String content) {
        int first = firstNonBlank(content);
        if (first + 1 >= content.length()) return false;
        char next = content.charAt(first + 1);
        if (next != '?' && next != '!' && !Character.isLetter(next)) return false;
        XmlElement root = parse(content);
        if (root == null || root.children.isEmpty()) return false;
        PARSED.remember(content, root);
        return true;
    }

    /** The document's root element, or null when it is not one well-formed XML document without a DTD. */
    static XmlElement parsed(String content) {
        XmlElement root = PARSED.take(content);
        return root != null ? root : parse(content);
    }

    private static XmlElement parse(String content) {
        XmlElement root = XmlScanner.scan(content);
        return root != null && HardenedXml.isWellFormed(content) ? root : null;
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) i++;
        return i;
    }
}
