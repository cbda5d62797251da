package io.headroom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code cache-aligner.patterns} option: extra regular expressions, comma-separated. A comma
 * inside {@code ()}, {@code []} or {@code {}} or escaped as {@code \,} does not separate, so
 * patterns such as {@code \d{1,2}} or {@code [,;]} need no quoting.
 */
public final class PatternList {
    private PatternList() {
    }

    /** Splits the option value into patterns (blank ones dropped, each trimmed). */
    public static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                if (next == ',') {
                    current.append(','); // an escaped separator is a literal comma
                } else {
                    current.append(c).append(next);
                }
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if ((c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(out, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        add(out, current);
        return out;
    }

    /**
     * The option value {@link #split} reads back as {@code patterns}: every comma that would separate is
     * escaped. An escaped comma already in a pattern ({@code \,}) comes back as a plain one, which a
     * regular expression reads the same.
     */
    public static String join(List<String> patterns) {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < patterns.size(); n++) {
            String p = patterns.get(n);
            if (n > 0) {
                out.append(',');
            }
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\' && i + 1 < p.length()) {
                    out.append(c).append(p.charAt(++i));
                } else {
                    out.append(c == ',' ? "\\," : String.valueOf(c));
                }
            }
        }
        return out.toString();
    }

    /**
     * Compiles every pattern.
     *
     * @throws InvalidConfigException naming {@code option} and the first invalid pattern
     */
    public static List<Pattern> compile(String option, List<String> patterns) {
        List<Pattern> out = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            try {
                out.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new InvalidConfigException(option, "'" + p + "' is not a valid regular expression ("
                        + e.getDescription() + ")", e);
            }
        }
        return out;
    }

    private static void add(List<String> out, StringBuilder pattern) {
        String p = pattern.toString().strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
    }
}
