package io.headroom.internal.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collapses runs of structurally repeated definitions (generated code, stubs, fixtures): consecutive sibling
 * functions whose text is identical once every digit run is normalised ({@code f0_7} and {@code f0_8},
 * {@code x * 7} and {@code x * 8} read the same). Of a run of at least {@link #MIN_RUN} definitions the first
 * {@link #KEEP_FIRST} and the last one stay whole; the middle becomes one comment line that names every
 * omitted definition (ranges where names differ only by a trailing number), so a question about any of them
 * can still be answered. Sibling means: same indentation, nothing but blank lines between them.
 *
 * <p>Python units come from {@link PythonSource}, brace-language units from {@link BraceLexer}; the output is
 * checked again by the caller's validity check and dropped when it fails.
 */
final class RepeatedDefinitions {

    static final int MIN_RUN = 6;
    static final int KEEP_FIRST = 2;

    private static final Pattern PY_DEF = Pattern.compile("\\s*(async\\s+)?def\\s+(\\w+).*", Pattern.DOTALL);
    private static final Pattern PY_DECORATOR = Pattern.compile("\\s*@.*", Pattern.DOTALL);
    private static final Pattern JS_ASSIGNED = Pattern.compile(
            "^(?:export\\s+)?(?:default\\s+)?(?:const|let|var)\\s+([\\w$]+)\\s*(?::[^=]*)?=");
    private static final Pattern KEYWORD_NAMED = Pattern.compile(
            "\\b(?:function\\b\\s*\\*?|func\\b\\s*(?:\\([^)]*\\))?|fn\\b|fun\\b)\\s*([\\w$]+)\\s*[<(]");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)(0|[1-9]\\d{0,8})");

    /** A definition: physical lines {@code [first, last]} and its name. */
    record Unit(int first, int last, String name) {
    }

    private RepeatedDefinitions() {
    }

    /** Python source with its runs collapsed, or empty when there is no run or the output fails the indentation check. */
    static Optional<String> python(String source) {
        String[] lines = PythonSource.physicalLines(source);
        Optional<List<PythonSource.Logical>> scanned = PythonSource.scan(lines);
        if (scanned.isEmpty() || !PythonSource.checkIndentation(scanned.get())) return Optional.empty();
        List<PythonSource.Logical> logical = scanned.get();
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < logical.size()) {
            PythonSource.Logical l = logical.get(i);
            if (!l.code()) {
                i++;
                continue;
            }
            // decorators belong to the definition that follows them
            int header = i;
            while (header < logical.size() && logical.get(header).code()
                    && PY_DECORATOR.matcher(lines[logical.get(header).first()]).matches()
                    && logical.get(header).indent() == l.indent()) header++;
            Matcher def = header < logical.size() ? PY_DEF.matcher(lines[logical.get(header).first()]) : null;
            if (def == null || !def.matches() || logical.get(header).indent() != l.indent()) {
                i++;
                continue;
            }
            int end = header;
            // a one-line definition (def f(x): return x) has no block of its own
            for (int j = header + 1; logical.get(header).opener() && j < logical.size(); j++) {
                PythonSource.Logical b = logical.get(j);
                if (!b.code()) continue;
                if (b.indent() <= l.indent()) break;
                end = j;
            }
            // the body is scanned again for nested runs (methods of a class are not defs, so only a def's body is skipped)
            units.add(new Unit(l.first(), logical.get(end).last(), def.group(2)));
            i = end + 1;
        }
        List<SourceText.Edit> edits = edits(lines, units, indentOf(lines), "# ");
        if (edits.isEmpty()) return Optional.empty();
        String out = applyLineEdits(lines, edits);
        return PythonBodyCollapser.looksValid(out) ? Optional.of(out) : Optional.empty();
    }

    /** Brace-language source with its runs collapsed; {@code valid} re-checks the output (lexer or JavaParser). */
    static Optional<String> braces(String source, BraceDialect dialect, Predicate<String> valid) {
        Optional<BraceLexer.Lexed> lexed = BraceLexer.lex(source, dialect);
        if (lexed.isEmpty()) return Optional.empty();
        boolean[] code = lexed.get().code();
        SourceText src = new SourceText(source);
        String[] lines = source.split("\n", -1);
        List<Unit> units = new ArrayList<>();
        BraceBodyCollapser.forEachFunctionBody(source, lexed.get(), (open, close, header) -> {
            unit(source, code, src, lines, open, close, header).ifPresent(units::add);
            return true; // runs nested in a function body are not looked for
        });
        List<SourceText.Edit> edits = edits(lines, units, indentOf(lines), "// ");
        if (edits.isEmpty()) return Optional.empty();
        String out = applyLineEdits(lines, edits);
        return BraceLexer.lex(out, dialect).isPresent() && valid.test(out) ? Optional.of(out) : Optional.empty();
    }

    /** The whole lines of the function whose body is {@code [open, close]}, when it owns them alone. */
    private static Optional<Unit> unit(String s, boolean[] code, SourceText src, String[] lines, int open, int close,
                                       String header) {
        // the definition starts after the previous statement boundary (leading comments / annotations included)
        int depth = 0;
        int boundary = -1;
        for (int j = open - 1; j >= 0; j--) {
            if (!code[j]) continue;
            char c = s.charAt(j);
            if (c == ')' || c == ']') depth++;
            if (c == '(' || c == '[') depth--;
            if (depth < 0 || depth == 0 && (c == ';' || c == '{' || c == '}')) {
                boundary = j;
                break;
            }
        }
        int start = boundary + 1;
        while (start < open && Character.isWhitespace(s.charAt(start))) start++;
        if (!src.firstOnLine(start)) return Optional.empty();
        int endLine = src.lineOf(close);
        String after = lines[endLine].substring(close - startOfLine(src, endLine) + 1).strip();
        if (!after.isEmpty() && !after.equals(";")) return Optional.empty();
        String name = name(header);
        return name == null ? Optional.empty() : Optional.of(new Unit(src.lineOf(start), endLine, name));
    }

    private static int startOfLine(SourceText src, int line) {
        return src.offset(line + 1, 1);
    }

    /** The function's name from its header, or null when it cannot be told. */
    static String name(String header) {
        Matcher m = JS_ASSIGNED.matcher(header);
        if (m.find()) return m.group(1);
        m = KEYWORD_NAMED.matcher(header);
        if (m.find()) return m.group(1);
        int close = header.lastIndexOf(')');
        int depth = 0;
        for (int j = close; j >= 0; j--) {
            char c = header.charAt(j);
            if (c == ')') depth++;
            if (c == '(' && --depth == 0) {
                int k = j;
                while (k > 0 && Character.isWhitespace(header.charAt(k - 1))) k--;
                int e = k;
                while (k > 0 && (Character.isJavaIdentifierPart(header.charAt(k - 1)) || header.charAt(k - 1) == '~')) k--;
                return k < e ? header.substring(k, e) : null;
            }
        }
        return null;
    }

    /** One edit per run: lines of the omitted middle replaced by the comment (end-exclusive line indexes). */
    private static List<SourceText.Edit> edits(String[] lines, List<Unit> units, int[] indent, String comment) {
        List<SourceText.Edit> edits = new ArrayList<>();
        int runStart = 0;
        for (int u = 1; u <= units.size(); u++) {
            boolean continues = u < units.size() && sibling(lines, units.get(u - 1), units.get(u), indent)
                    && shape(lines, units.get(u - 1)).equals(shape(lines, units.get(u)));
            if (continues) continue;
            int count = u - runStart;
            if (count >= MIN_RUN) {
                List<Unit> omitted = units.subList(runStart + KEEP_FIRST, u - 1);
                Unit firstOmitted = omitted.get(0);
                String pad = lines[firstOmitted.first()].substring(0, indent[firstOmitted.first()]);
                List<String> names = new ArrayList<>();
                omitted.forEach(o -> names.add(o.name()));
                String text = pad + comment + omitted.size() + " more definitions of the same shape omitted: "
                        + compactNames(names);
                edits.add(new SourceText.Edit(firstOmitted.first(), units.get(u - 1).first(), text));
            }
            runStart = u;
        }
        return edits;
    }

    /** Adjacent at the same indentation with only blank lines in between. */
    private static boolean sibling(String[] lines, Unit a, Unit b, int[] indent) {
        if (indent[a.first()] != indent[b.first()]) return false;
        if (!lines[a.first()].substring(0, indent[a.first()]).equals(lines[b.first()].substring(0, indent[b.first()]))) {
            return false;
        }
        for (int l = a.last() + 1; l < b.first(); l++) if (!lines[l].isBlank()) return false;
        return true;
    }

    /** The unit's text with every digit run replaced by '#' and trailing whitespace ignored. */
    static String shape(String[] lines, Unit u) {
        StringBuilder sb = new StringBuilder();
        for (int l = u.first(); l <= u.last(); l++) {
            String line = lines[l].stripTrailing();
            boolean inDigits = false;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                boolean digit = c >= '0' && c <= '9';
                if (!digit) sb.append(c);
                else if (!inDigits) sb.append('#');
                inDigits = digit;
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Names joined by ", ", with runs of {@code prefix<n>, prefix<n+1>, ...} (three or more) as {@code prefix<a>..prefix<b>}. */
    static String compactNames(List<String> names) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < names.size()) {
            Matcher m = TRAILING_NUMBER.matcher(names.get(i));
            int j = i + 1;
            if (m.matches()) {
                String prefix = m.group(1);
                long n = Long.parseLong(m.group(2));
                while (j < names.size() && names.get(j).equals(prefix + (n + (j - i)))) j++;
            }
            if (j - i >= 3) {
                parts.add(names.get(i) + ".." + names.get(j - 1));
            } else {
                j = i + 1;
                parts.add(names.get(i));
            }
            i = j;
        }
        return String.join(", ", parts);
    }

    private static int[] indentOf(String[] lines) {
        int[] out = new int[lines.length];
        for (int l = 0; l < lines.length; l++) {
            int k = 0;
            while (k < lines[l].length() && (lines[l].charAt(k) == ' ' || lines[l].charAt(k) == '\t')) k++;
            out[l] = k;
        }
        return out;
    }

    /** Applies line-range edits ({@code from} inclusive, {@code to} exclusive line indexes, text one line). */
    private static String applyLineEdits(String[] lines, List<SourceText.Edit> edits) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (SourceText.Edit e : edits) {
            for (; line < e.from(); line++) out.append(lines[line]).append('\n');
            out.append(e.text()).append('\n');
            line = e.to();
        }
        for (; line < lines.length; line++) {
            out.append(lines[line]);
            if (line < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }
}
