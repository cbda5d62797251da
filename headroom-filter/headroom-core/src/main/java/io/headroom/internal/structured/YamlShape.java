package io.headroom.internal.structured;

import java.util.List;

/**
 * Whether a tool output is a YAML document or stream that is mostly mapping/sequence structure, whether or not
 * it has anything worth compressing (that is the compressor's question). Two steps, the first a plain scan of
 * the lines the detector samples, so that only text already shaped like YAML is parsed:
 * <ol>
 * <li>at least {@link #MIN_LINES} non-blank lines, nearly all of them YAML block lines (keys, dashes, document
 * markers, comments), and some sign of structure: a dash item, a document marker or a {@code key:} opening a
 * block;</li>
 * <li>the hardened reader accepts it, every document is a mapping or a sequence, and it nests: a mapping of
 * several entries and a collection inside a collection ({@link YamlItems#isStructured}).</li>
 * </ol>
 * Logs with "key: value" lines, markdown bullet lists, Python dicts, code and prose with colons fail one of
 * these; they stay on their own paths. Thread-safe.
 */
public final class YamlShape {
    /** Share of non-blank sampled lines that must look like YAML block lines. */
    static final double LINE_SHARE = 0.8;
    /** Fewer non-blank lines are not worth calling YAML: {@code a: b} is a label, not a document. */
    static final int MIN_LINES = 4;

    /** What the detector found, for the compressor the router calls next. */
    private static final LastParse<List<YamlStream.Document>> PARSED = new LastParse<>();

    private YamlShape() {
    }

    /**
     * @param content the whole tool output
     * @param sample  the lines the detector samples from it
     */
    public static boolean isYaml(String content, List<String> sample) {
        if (content.length() > YamlStream.MAX_CHARS || !linesLookLikeYaml(sample)) return false;
        List<YamlStream.Document> docs = YamlStream.read(content);
        if (docs == null || !YamlItems.isStructured(docs)) return false;
        PARSED.remember(content, docs);
        return true;
    }

    /** The documents of {@code content}, or null when it is not YAML the hardened reader accepts. */
    static List<YamlStream.Document> parsed(String content) {
        List<YamlStream.Document> docs = PARSED.take(content);
        return docs != null ? docs : YamlStream.read(content);
    }

    static boolean linesLookLikeYaml(List<String> sample) {
        int nonBlank = 0;
        int yamlish = 0;
        int structure = 0;
        for (String line : sample) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            nonBlank++;
            if (t.equals("---") || t.startsWith("--- ") || t.equals("...") || t.startsWith("- ") || t.equals("-")) {
                yamlish++;
                structure++;
            } else if (t.startsWith("#")) {
                yamlish++;
            } else if (isKeyLine(t)) {
                yamlish++;
                if (t.charAt(t.length() - 1) == ':') structure++; // "metadata:" opens a block
            }
        }
        return nonBlank >= MIN_LINES && structure > 0 && yamlish >= LINE_SHARE * nonBlank;
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
