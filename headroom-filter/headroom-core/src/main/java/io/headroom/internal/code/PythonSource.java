package io.headroom.internal.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python source split into logical lines the way Python's tokenizer does: brackets, triple-quoted strings
 * and backslashes continue a statement over physical lines. {@link #checkIndentation} applies the
 * tokenizer's INDENT / DEDENT rules, so a text that passes has a consistent block structure.
 * Indentation with tabs is refused (mixing is where tools and humans disagree).
 */
final class PythonSource {

    /**
     * One logical line.
     *
     * @param first    index of its first physical line
     * @param last     index of its last physical line
     * @param indent   leading spaces of the first physical line
     * @param code     false for blank and comment-only lines
     * @param opener   true when it ends with ':' outside brackets, strings and comments (a block header)
     */
    record Logical(int first, int last, int indent, boolean code, boolean opener) {
        int physicalLines() {
            return last - first + 1;
        }
    }

    private PythonSource() {
    }

    static String[] physicalLines(String text) {
        return text.split("\n", -1);
    }

    /** Logical lines of the text, or empty when it cannot be tokenized confidently. */
    static Optional<List<Logical>> scan(String[] lines) {
        List<Logical> out = new ArrayList<>();
        int depth = 0;
        String openTriple = null;
        int start = -1;
        int indent = 0;
        boolean code = false;
        char lastCode = 0;
        boolean backslash = false;
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (start < 0) {
                start = li;
                int i = 0;
                while (i < line.length() && line.charAt(i) == ' ') i++;
                if (i < line.length() && line.charAt(i) == '\t') return Optional.empty();
                if (i < line.length() && (line.charAt(i) == '\f')) return Optional.empty();
                indent = i;
                code = false;
                lastCode = 0;
            }
            backslash = false;
            int i = 0;
            int n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (openTriple != null) {
                    int close = findTripleEnd(line, i, openTriple);
                    if (close < 0) {
                        i = n;
                        break;
                    }
                    openTriple = null;
                    i = close;
                    lastCode = 'S';
                    continue;
                }
                if (c == '#') break;
                if (c == '\'' || c == '"') {
                    code = true;
                    String q = String.valueOf(c);
                    if (line.startsWith(q + q + q, i)) {
                        int close = findTripleEnd(line, i + 3, q + q + q);
                        if (close < 0) {
                            openTriple = q + q + q;
                            i = n;
                            break;
                        }
                        i = close;
                    } else {
                        // Even in raw strings a backslash keeps the next quote inside the literal.
                        int j = i + 1;
                        while (j < n && line.charAt(j) != c) {
                            if (line.charAt(j) == '\\') j++;
                            j++;
                        }
                        // A string continued by a trailing backslash is legal but rare: not worth the risk.
                        if (j >= n) return Optional.empty();
                        i = j + 1;
                    }
                    lastCode = 'S';
                    continue;
                }
                if (c == '\\' && i == n - 1) {
                    backslash = true;
                    i++;
                    continue;
                }
                if (!Character.isWhitespace(c)) {
                    code = true;
                    lastCode = c;
                }
                if (c == '(' || c == '[' || c == '{') depth++;
                if (c == ')' || c == ']' || c == '}') {
                    if (--depth < 0) return Optional.empty();
                }
                i++;
            }
            if (openTriple == null && depth == 0 && !backslash) {
                out.add(new Logical(start, li, indent, code, code && lastCode == ':'));
                start = -1;
            }
        }
        if (start >= 0 || openTriple != null || depth != 0) return Optional.empty();
        return Optional.of(out);
    }

    /** Index just past the closing triple quote at or after {@code from}, or -1. */
    private static int findTripleEnd(String line, int from, String triple) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (line.startsWith(triple, i)) return i + 3;
            i++;
        }
        return -1;
    }

    /** True when the block structure is what Python's tokenizer accepts: indents after headers, dedents to known levels. */
    static boolean checkIndentation(List<Logical> lines) {
        List<Integer> stack = new ArrayList<>();
        stack.add(0);
        boolean expectIndent = false;
        for (Logical l : lines) {
            if (!l.code()) continue;
            int top = stack.get(stack.size() - 1);
            if (expectIndent) {
                if (l.indent() <= top) return false;
                stack.add(l.indent());
            } else if (l.indent() > top) {
                return false;
            } else {
                while (l.indent() < stack.get(stack.size() - 1)) stack.remove(stack.size() - 1);
                if (l.indent() != stack.get(stack.size() - 1)) return false;
            }
            expectIndent = l.opener();
        }
        return !expectIndent;
    }
}
