package io.headroom.internal.structured;

import java.util.List;

/**
 * Whether a tool output is YAML worth compressing: nearly every sampled line has YAML's block shape (keys,
 * dashes, document markers, comments), at least one line is a dash item or a document marker, it parses with
 * the hardened reader, and it holds a long run of records (a block sequence of mappings, or a stream of many
 * documents). Logs with "key: value" lines, markdown bullet lists, Python dicts, code and prose with colons
 * fail one of these; they stay on their own paths. Thread-safe.
 */
public final class YamlShape {
    /** Share of non-blank sampled lines that must look like YAML block lines. */
    static final double LINE_SHARE = 0.8;

    private YamlShape() {
    }

    /**
     * @param content the whole tool output
     * @param sample  the lines the detector samples from it
     */
    public static boolean isYaml(String content, List<String> sample) {
        if (content.length() > YamlStream.MAX_CHARS || !linesLookLikeYaml(sample)) return false;
        List<YamlStream.Document> docs = YamlStream.read(content);
        return docs != null && YamlItems.hasLongRun(docs);
    }

    static boolean linesLookLikeYaml(List<String> sample) {
        int nonBlank = 0;
        int yamlish = 0;
        int items = 0;
        for (String line : sample) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            nonBlank++;
            if (t.equals("---") || t.startsWith("--- ") || t.equals("...")) {
                yamlish++;
                items++;
            } else if (t.startsWith("- ") || t.equals("-")) {
                yamlish++;
                items++;
            } else if (t.startsWith("#") || isKeyLine(t)) {
                yamlish++;
            }
        }
        return items > 0 && yamlish >= LINE_SHARE * nonBlank;
    }

    /** {@code key:} or {@code key: value} with a plain or quoted key of no spaces (logs' "Jan 3 host:" has them). */
    static boolean isKeyLine(String t) {
        int i = 0;
        int n = t.length();
        if (n > 0 && (t.charAt(0) == '"' || t.charAt(0) == '\'')) {
            int close = t.indexOf(t.charAt(0), 1);
            if (close < 0) return false;
            i = close + 1;
        } else {
            while (i < n && isKeyChar(t.charAt(i))) i++;
            if (i == 0) return false;
        }
        return i < n && t.charAt(i) == ':' && (i + 1 == n || t.charAt(i + 1) == ' ');
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }
}
