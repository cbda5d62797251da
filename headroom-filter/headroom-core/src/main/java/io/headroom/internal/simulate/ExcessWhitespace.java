package io.headroom.internal.simulate;

/** A text without the whitespace the model does not need, to measure how many tokens that whitespace costs. */
final class ExcessWhitespace {
    private ExcessWhitespace() {
    }

    /**
     * {@code json} with every whitespace character between tokens removed (strings are kept as they are):
     * what compact serialisation of a pretty-printed document gives.
     */
    static String compactJson(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    sb.append(json.charAt(++i)); // an escaped quote does not end the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                sb.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} with indentation and trailing whitespace dropped, inner runs of spaces and tabs cut to
     * one space and runs of blank lines cut to one blank line.
     */
    static String squeeze(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int blankRun = 0;
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = squeezeLine(text, start, end);
            if (line.isEmpty()) {
                blankRun++;
            } else {
                blankRun = 0;
            }
            if (blankRun <= 1) {
                sb.append(line);
                if (nl >= 0) sb.append('\n');
            }
            if (nl < 0) break;
            start = nl + 1;
        }
        return sb.toString();
    }

    private static String squeezeLine(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                pendingSpace = sb.length() > 0; // leading whitespace is dropped, inner runs become one space
            } else {
                if (pendingSpace) sb.append(' ');
                pendingSpace = false;
                sb.append(c);
            }
        }
        return sb.toString(); // trailing whitespace was pending and is dropped
    }
}
