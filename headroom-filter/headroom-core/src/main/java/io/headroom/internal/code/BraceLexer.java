package io.headroom.internal.code;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Marks which characters of a brace-language source are code (not inside a string, char literal or
 * comment) and pairs its brackets. Anything it does not understand (an unterminated literal, an
 * unbalanced bracket, a construct it cannot lex safely) makes it give up, so callers never edit code
 * they have misread.
 */
final class BraceLexer {

    /**
     * @param code  true at every index that is code
     * @param match for every code '{' the index of its '}', and the reverse; -1 elsewhere
     */
    record Lexed(boolean[] code, int[] match) {
    }

    private BraceLexer() {
    }

    static Optional<Lexed> lex(String s, BraceDialect d) {
        int n = s.length();
        boolean[] code = new boolean[n];
        int[] match = new int[n];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> brackets = new ArrayDeque<>();
        int i = 0;
        char prevSignificant = 0;
        String prevWord = "";
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == '/' && next == '/' || d == BraceDialect.PHP && c == '#' && next != '[') {
                while (i < n && s.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && next == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (s.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else if (d.rust && s.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                if (depth > 0) return Optional.empty();
                continue;
            }
            if (c == '"' || c == '\'' && d.singleQuoteStrings) {
                if (d == BraceDialect.C_LIKE && s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    if (end < 0) return Optional.empty();
                    i = end + 3;
                } else {
                    int end = endOfQuoted(s, i, c, false);
                    if (end < 0) return Optional.empty();
                    if (i > 0 && (s.charAt(i - 1) == 'R' || s.charAt(i - 1) == '@') && d == BraceDialect.C_LIKE) {
                        return Optional.empty(); // C++ raw / C# verbatim strings: not worth the risk
                    }
                    if (d.rust && i > 0 && s.charAt(i - 1) == '#') return Optional.empty();
                    i = end;
                }
                prevSignificant = 'S';
                continue;
            }
            if (c == '\'') {
                int end = charLiteralEnd(s, i);
                if (end > 0) {
                    i = end;
                    prevSignificant = 'S';
                    continue;
                }
                if (!d.rust) return Optional.empty();
                code[i] = true; // a Rust lifetime such as 'a
                i++;
                continue;
            }
            if (c == '`' && (d.templates || d.rawBackticks)) {
                int end = d.rawBackticks ? s.indexOf('`', i + 1) + 1 : templateEnd(s, i + 1);
                if (end <= 0) return Optional.empty();
                i = end;
                prevSignificant = 'S';
                continue;
            }
            if (c == '/' && d.regexLiterals && regexAllowed(prevSignificant, prevWord)) {
                int end = regexEnd(s, i + 1);
                if (end < 0) return Optional.empty();
                i = end;
                prevSignificant = 'S';
                continue;
            }
            code[i] = true;
            if (c == '(' || c == '[' || c == '{') {
                brackets.push(i);
            } else if (c == ')' || c == ']' || c == '}') {
                if (brackets.isEmpty()) return Optional.empty();
                int open = brackets.pop();
                char o = s.charAt(open);
                if (o == '(' && c != ')' || o == '[' && c != ']' || o == '{' && c != '}') return Optional.empty();
                if (c == '}') {
                    match[open] = i;
                    match[i] = open;
                }
            }
            if (Character.isJavaIdentifierPart(c)) {
                int start = i;
                while (i + 1 < n && Character.isJavaIdentifierPart(s.charAt(i + 1))) {
                    code[++i] = true;
                }
                prevWord = s.substring(start, i + 1);
                prevSignificant = 'w';
            } else if (!Character.isWhitespace(c)) {
                prevSignificant = c;
                prevWord = "";
            }
            i++;
        }
        if (!brackets.isEmpty()) return Optional.empty();
        return Optional.of(new Lexed(code, match));
    }

    /** Index past the closing quote, or -1 when the literal does not close on its line. */
    private static int endOfQuoted(String s, int open, char quote, boolean multiline) {
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n' && !multiline) {
                return -1;
            }
        }
        return -1;
    }

    /** Index past a char literal such as 'a', '\n', '\u00e9' or '\x41', or -1. */
    private static int charLiteralEnd(String s, int open) {
        int j = open + 1;
        if (j >= s.length()) return -1;
        if (s.charAt(j) == '\\') {
            int close = s.indexOf('\'', j + 2);
            return close > 0 && close - open <= 12 && s.substring(open, close).indexOf('\n') < 0 ? close + 1 : -1;
        }
        return j + 1 < s.length() && s.charAt(j + 1) == '\'' && s.charAt(j) != '\n' ? j + 2 : -1;
    }

    /** Index past a JS template literal's closing backtick, or a negative number when it cannot be lexed safely. */
    private static int templateEnd(String s, int from) {
        int j = from;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '`') return j + 1;
            if (c == '$' && j + 1 < s.length() && s.charAt(j + 1) == '{') {
                // Holes with their own braces, strings or templates are beyond a line scanner: give up on them.
                int close = s.indexOf('}', j + 2);
                if (close < 0) return -1;
                String hole = s.substring(j + 2, close);
                if (hole.indexOf('{') >= 0 || hole.indexOf('`') >= 0 || hole.indexOf('"') >= 0 || hole.indexOf('\'') >= 0) {
                    return -2;
                }
                j = close + 1;
                continue;
            }
            j++;
        }
        return -1;
    }

    private static boolean regexAllowed(char prev, String prevWord) {
        if (prev == 'w') {
            return prevWord.equals("return") || prevWord.equals("typeof") || prevWord.equals("case")
                    || prevWord.equals("in") || prevWord.equals("of") || prevWord.equals("yield");
        }
        return prev == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(prev) >= 0;
    }

    /** Index past a regex literal's flags, or -1 when it does not close on its line. */
    private static int regexEnd(String s, int from) {
        boolean inClass = false;
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') return -1;
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                int k = j + 1;
                while (k < s.length() && Character.isLetter(s.charAt(k))) k++;
                return k;
            }
        }
        return -1;
    }
}
