package io.headroom.internal.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collapses function bodies of brace languages (JavaScript, TypeScript, Go, Rust, C, C++, C#, Kotlin, Swift,
 * PHP) using {@link BraceLexer}: a '{' whose header looks like a function signature gets its body replaced
 * by the body's single-line error statements ({@code throw}, {@code panic}, {@code return Err(...)}) and a
 * {@code // ... N lines omitted} comment. Class, struct, impl and namespace bodies stay, so methods inside
 * them are collapsed one by one. The output is lexed again and must balance, else nothing changes.
 */
final class BraceBodyCollapser {

    private static final int MIN_BODY_LINES = 4;
    private static final Pattern FUNCTION_KEYWORD = Pattern.compile("\\b(function|func|fn|fun)\\b");
    private static final Pattern TYPE_KEYWORD = Pattern.compile(
            "\\b(class|struct|interface|enum|impl|trait|namespace|module|object|union|extension|protocol)\\b");
    private static final Pattern QUALIFIERS = Pattern.compile(
            "(\\s*(const|noexcept|override|final|mutable|async|throws(\\s+[\\w.]+(\\s*,\\s*[\\w.]+)*)?|"
                    + "->\\s*[^{;=]+|:\\s*[^{;=]+|where\\s+[^{;]+))*\\s*(=>)?\\s*");
    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "for", "while", "switch", "catch", "with", "lock",
            "using", "foreach", "synchronized", "return", "sizeof", "typeof", "new", "else", "do", "try", "fixed",
            "checked", "unchecked", "when", "match", "loop", "elseif", "until", "guard", "defer", "select", "go");
    private static final Pattern ERROR_LINE = Pattern.compile(
            "(throw\\b|panic!?\\(|return\\s+Err\\(|raise\\b|die\\(|abort\\(|unreachable!\\(|process\\.exit\\(|console\\.error\\(|log\\.(Fatal|Panic)).*");

    private BraceBodyCollapser() {
    }

    static boolean lexes(String source, BraceDialect dialect) {
        return BraceLexer.lex(source, dialect).isPresent();
    }

    static Optional<String> collapse(String source, BraceDialect dialect) {
        Optional<BraceLexer.Lexed> lexed = BraceLexer.lex(source, dialect);
        if (lexed.isEmpty()) return Optional.empty();
        boolean[] code = lexed.get().code();
        int[] match = lexed.get().match();
        SourceText src = new SourceText(source);
        List<SourceText.Edit> edits = new ArrayList<>();
        forEachFunctionBody(source, lexed.get(), (open, close, header) -> {
            if (src.lineOf(close) - src.lineOf(open) + 1 < MIN_BODY_LINES) return false;
            edits.add(new SourceText.Edit(open, close + 1, body(source, code, match, src, open, close)));
            return true; // nested functions go with their enclosing body
        });
        if (edits.isEmpty()) return Optional.empty();
        String out = SourceText.apply(source, edits);
        return BraceLexer.lex(out, dialect).isPresent() ? Optional.of(out) : Optional.empty();
    }

    /** What a scan does with one function body. */
    interface FunctionBodyVisitor {
        /**
         * @param open   index of the body's '{'
         * @param close  index of its matching '}'
         * @param header the function's header, as {@link #header} gives it
         * @return true when the body is taken whole, so functions nested in it are not visited
         */
        boolean visit(int open, int close, String header);
    }

    /** Visits, in source order, each '{' in code whose header looks like a function signature. */
    static void forEachFunctionBody(String source, BraceLexer.Lexed lexed, FunctionBodyVisitor visitor) {
        boolean[] code = lexed.code();
        int[] match = lexed.match();
        int i = 0;
        while (i < source.length()) {
            if (!code[i] || source.charAt(i) != '{' || match[i] < 0) {
                i++;
                continue;
            }
            int close = match[i];
            String header = header(source, code, match, i);
            i = isFunction(header) && visitor.visit(i, close, header) ? close + 1 : i + 1;
        }
    }

    /** Code text (comments and literals blanked) between the previous statement boundary and {@code open}. */
    static String header(String s, boolean[] code, int[] match, int open) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int j = open - 1; j >= 0; j--) {
            char c = s.charAt(j);
            if (!code[j]) {
                sb.append(' ');
                continue;
            }
            if (c == ')' || c == ']') depth++;
            if (c == '(' || c == '[') depth--;
            if (depth < 0) break;
            if (depth == 0 && (c == ';' || c == '{' || c == '}')) break;
            sb.append(c);
        }
        return sb.reverse().toString().replaceAll("\\s+", " ").strip();
    }

    static boolean isFunction(String header) {
        if (header.isEmpty() || header.length() > 500) return false;
        if (TYPE_KEYWORD.matcher(header).find() && !FUNCTION_KEYWORD.matcher(header).find()) return false;
        String firstWord = header.split("[^\\w$]+", 2)[0].toLowerCase(Locale.ROOT);
        if (NOT_FUNCTIONS.contains(firstWord) && !firstWord.equals("go") && !firstWord.equals("defer")) return false;
        if (header.endsWith("=>")) return true;
        if (FUNCTION_KEYWORD.matcher(header).find()) return true;
        // C style: name(params) [qualifiers], the name not being a control keyword.
        int closeParen = header.lastIndexOf(')');
        if (closeParen < 0 || !QUALIFIERS.matcher(header.substring(closeParen + 1)).matches()) return false;
        int depth = 0;
        int openParen = -1;
        for (int j = closeParen; j >= 0; j--) {
            char c = header.charAt(j);
            if (c == ')') depth++;
            if (c == '(' && --depth == 0) {
                openParen = j;
                break;
            }
        }
        if (openParen <= 0) return false;
        String before = header.substring(0, openParen).stripTrailing();
        int k = before.length();
        while (k > 0 && (Character.isJavaIdentifierPart(before.charAt(k - 1)) || before.charAt(k - 1) == '~'
                || before.charAt(k - 1) == ':')) k--;
        String name = before.substring(k).replaceAll("^.*::", "");
        if (name.isEmpty() || NOT_FUNCTIONS.contains(name) || Character.isDigit(name.charAt(0))) return false;
        String prefix = before.substring(0, k);
        return !prefix.contains("=") && !prefix.contains("?") && !prefix.endsWith(".");
    }

    private static String body(String s, boolean[] code, int[] match, SourceText src, int open, int close) {
        String base = src.firstOnLine(close) ? src.indentAt(close) : src.indentAt(open);
        int firstLine = src.lineOf(open);
        int lastLine = src.lineOf(close);
        String[] lines = s.split("\n", -1);
        String indent = bodyIndent(lines, firstLine, lastLine, base);
        int omitted = 0;
        List<String> parts = new ArrayList<>();
        int offset = 0;
        for (int li = 0; li < firstLine; li++) offset += lines[li].length() + 1;
        for (int li = firstLine; li <= lastLine; li++) {
            int lineStart = offset;
            offset += lines[li].length() + 1;
            if (li == firstLine || li == lastLine) continue;
            String line = lines[li];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) continue;
            if (ERROR_LINE.matcher(trimmed).matches() && isStandaloneStatement(s, code, match, lineStart, line, open)) {
                if (omitted > 0) parts.add("// ... " + omitted + (omitted == 1 ? " line" : " lines") + " omitted");
                omitted = 0;
                parts.add(trimmed.replace("\r", ""));
            } else {
                omitted++;
            }
        }
        if (omitted > 0) parts.add("// ... " + omitted + (omitted == 1 ? " line" : " lines") + " omitted");
        StringBuilder out = new StringBuilder("{");
        for (String part : parts) out.append('\n').append(indent).append(part);
        return out.append('\n').append(base).append('}').toString();
    }

    /** The indentation the body's own lines use, so tabs stay tabs (Go) and two spaces stay two spaces. */
    static String bodyIndent(String[] lines, int firstLine, int lastLine, String base) {
        for (int li = firstLine + 1; li < lastLine; li++) {
            String line = lines[li];
            if (line.isBlank()) continue;
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            String lead = line.substring(0, i);
            if (lead.startsWith(base) && lead.length() > base.length()) return lead;
            break;
        }
        return base + (base.contains("\t") ? "\t" : "    ");
    }

    /**
     * True when the line is one complete statement directly inside the body opened at {@code open}: it
     * starts as code at that nesting level, and its brackets balance within the line.
     */
    private static boolean isStandaloneStatement(String s, boolean[] code, int[] match, int lineStart, String line, int open) {
        int first = lineStart;
        while (first < lineStart + line.length() && Character.isWhitespace(s.charAt(first))) first++;
        if (!code[first]) return false;
        // The innermost '{' enclosing the line must be the body's own.
        int depth = 0;
        for (int j = first - 1; j > open; j--) {
            if (!code[j]) continue;
            char c = s.charAt(j);
            if (c == '}' || c == ')' || c == ']') depth++;
            if (c == '{' || c == '(' || c == '[') {
                if (depth == 0) return false;
                depth--;
            }
        }
        int balance = 0;
        for (int j = first; j < lineStart + line.length(); j++) {
            if (!code[j]) continue;
            char c = s.charAt(j);
            if (c == '{' || c == '(' || c == '[') balance++;
            if (c == '}' || c == ')' || c == ']') balance--;
            if (balance < 0) return false;
        }
        // Ends inside a literal or comment that runs on? Then it is not self-contained.
        int end = lineStart + line.length() - 1;
        while (end > first && Character.isWhitespace(s.charAt(end))) end--;
        char last = s.charAt(end);
        boolean endsCleanly = code[end] ? last == ';' || last == ')' || last == '}' || Character.isLetterOrDigit(last)
                : s.charAt(end) == '"' || s.charAt(end) == '\'' || s.charAt(end) == '`';
        return balance == 0 && endsCleanly;
    }
}
