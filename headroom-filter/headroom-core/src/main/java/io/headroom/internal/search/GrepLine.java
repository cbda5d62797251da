package io.headroom.internal.search;

/**
 * One grep / ripgrep result line: {@code path:line:content} or {@code path:line:column:content}.
 *
 * @param path    the file path as printed
 * @param line    the 1-based line number
 * @param prefix  everything up to and including the colon before the content (kept verbatim on output)
 * @param content the matched line's text
 */
public record GrepLine(String path, int line, String prefix, String content) {

    /**
     * Parses one line by scanning (no regex: detection runs this over every line). The path must contain no
     * whitespace and look like a path (a '.', '/' or '\' in it) so timestamps such as {@code 10:42:07} or
     * {@code key: value} pairs are not mistaken for matches.
     *
     * @return the parsed line, or null when it is not a result line
     */
    public static GrepLine parse(String s) {
        int colon = s.indexOf(':');
        // a Windows drive letter ("C:\src\x.java:12:...") belongs to the path
        if (colon == 1 && s.length() > 2 && (s.charAt(2) == '\\' || s.charAt(2) == '/') && Character.isLetter(s.charAt(0))) {
            colon = s.indexOf(':', 2);
        }
        if (colon <= 0) return null;
        boolean pathLike = false;
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) return null;
            if (c == '.' || c == '/' || c == '\\') pathLike = true;
        }
        if (!pathLike) return null;
        int lineEnd = digitsEnd(s, colon + 1);
        if (lineEnd < 0 || lineEnd >= s.length() || s.charAt(lineEnd) != ':') return null;
        int lineNo = Integer.parseInt(s, colon + 1, lineEnd, 10);
        int contentStart = lineEnd + 1;
        int colEnd = digitsEnd(s, contentStart);
        if (colEnd > 0 && colEnd < s.length() && s.charAt(colEnd) == ':') {
            contentStart = colEnd + 1; // ripgrep --column / vimgrep format
        }
        return new GrepLine(s.substring(0, colon), lineNo, s.substring(0, contentStart), s.substring(contentStart));
    }

    /** End index of 1..9 digits starting at {@code from}, or -1 when there are none (or too many). */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        int n = i - from;
        return n == 0 || n > 9 ? -1 : i;
    }

    /** The whole line as printed. */
    public String text() {
        return prefix + content;
    }
}
