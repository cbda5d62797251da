package io.headroom.internal.structured;

/**
 * Whether a tool output is an XML document worth compressing: it starts like XML, its elements balance, some
 * element has a long run of same-named children, and the hardened parser accepts it. Documents without such a
 * run, with a document type declaration, or that do not parse are not XML here and stay on the text path, as
 * before. HTML never gets here: the detector's HTML check runs first. Thread-safe.
 */
public final class XmlShape {
    private XmlShape() {
    }

    /** @param content a tool output whose first non-blank character is {@code <} */
    public static boolean isXml(String content) {
        int first = firstNonBlank(content);
        if (first + 1 >= content.length()) return false;
        char next = content.charAt(first + 1);
        if (next != '?' && next != '!' && !Character.isLetter(next)) return false;
        XmlElement root = XmlScanner.scan(content);
        // the cheap structural checks first: only a document with a long run is handed to the full parser
        return root != null && XmlRuns.hasLongRun(root) && HardenedXml.isWellFormed(content);
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) i++;
        return i;
    }
}
