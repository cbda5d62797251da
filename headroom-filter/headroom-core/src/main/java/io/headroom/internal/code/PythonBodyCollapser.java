package io.headroom.internal.code;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collapses Python function bodies line by line, without a Python parser, and only where the structure is
 * certain: the input must tokenize ({@link PythonSource#scan}) and pass the indentation check, and so must
 * the output. A collapsed body keeps the first line of its docstring, top-level {@code raise} statements,
 * guard clauses ({@code if ...:} around a single {@code raise}) and try statements reduced to
 * {@code try: ...} plus their {@code except}/{@code finally} clauses (short handlers verbatim); every other
 * run of statements becomes {@code ...  # N lines omitted}.
 */
final class PythonBodyCollapser {

    private static final Pattern DEF = Pattern.compile("\\s*(async\\s+)?def\\s+\\w+.*", Pattern.DOTALL);
    private static final Pattern DOCSTRING = Pattern.compile("\\s*([rRuUbB]{0,2})(\"\"\"|'''|\"|')(.*)", Pattern.DOTALL);
    private static final Pattern CLAUSE = Pattern.compile("\\s*(elif|else|except|finally)\\b.*", Pattern.DOTALL);
    private static final int MIN_BODY_LINES = 4;
    private static final int MAX_KEPT_HANDLER_LINES = 3;

    private PythonBodyCollapser() {
    }

    static boolean looksValid(String source) {
        Optional<List<PythonSource.Logical>> scanned = PythonSource.scan(PythonSource.physicalLines(source));
        return scanned.isPresent() && PythonSource.checkIndentation(scanned.get());
    }

    static Optional<String> collapse(String source) {
        String[] lines = PythonSource.physicalLines(source);
        Optional<List<PythonSource.Logical>> scanned = PythonSource.scan(lines);
        if (scanned.isEmpty() || !PythonSource.checkIndentation(scanned.get())) return Optional.empty();
        List<PythonSource.Logical> logical = scanned.get();
        StringBuilder out = new StringBuilder(source.length() / 2);
        boolean changed = false;
        int i = 0;
        while (i < logical.size()) {
            PythonSource.Logical l = logical.get(i);
            int bodyEnd = l.code() && l.opener() && DEF.matcher(lines[l.first()]).matches() ? bodyEnd(logical, i) : i;
            int bodyLines = bodyEnd > i ? logical.get(bodyEnd).last() - l.last() : 0;
            emit(out, lines, l);
            if (bodyLines >= MIN_BODY_LINES) {
                collapseBody(out, lines, logical, i + 1, bodyEnd);
                changed = true;
                i = bodyEnd + 1;
            } else {
                i++;
            }
        }
        if (!changed) return Optional.empty();
        // Every physical line was written with a newline, including the last one, which had none.
        String result = out.substring(0, out.length() - 1);
        return looksValid(result) ? Optional.of(result) : Optional.empty();
    }

    /** Index of the last logical line of the block opened at {@code header} (trailing blanks excluded). */
    private static int bodyEnd(List<PythonSource.Logical> logical, int header) {
        int indent = logical.get(header).indent();
        int end = header;
        for (int j = header + 1; j < logical.size(); j++) {
            PythonSource.Logical l = logical.get(j);
            if (!l.code()) continue;
            if (l.indent() <= indent) break;
            end = j;
        }
        return end;
    }

    private static void collapseBody(StringBuilder out, String[] lines, List<PythonSource.Logical> logical,
                                     int from, int to) {
        int first = from;
        while (first <= to && !logical.get(first).code()) first++;
        if (first > to) return;
        int indent = logical.get(first).indent();
        String pad = " ".repeat(indent);
        int omitted = 0;
        int i = first;
        PythonSource.Logical firstStmt = logical.get(first);
        if (DOCSTRING.matcher(lines[firstStmt.first()]).matches() && statementEnd(logical, first, to, indent) == first) {
            out.append(docstringFirstLine(lines, firstStmt, pad)).append('\n');
            i = first + 1;
        }
        while (i <= to) {
            PythonSource.Logical l = logical.get(i);
            if (!l.code()) {
                i++;
                continue;
            }
            int end = groupEnd(lines, logical, i, to, indent);
            String kept = keep(lines, logical, i, end, indent);
            if (kept == null) {
                omitted += logical.get(end).last() - l.first() + 1;
            } else {
                if (omitted > 0) out.append(omission(pad, omitted));
                omitted = 0;
                out.append(kept);
            }
            i = end + 1;
        }
        if (omitted > 0) out.append(omission(pad, omitted));
    }

    /** Last logical line of the statement starting at {@code start} (its nested block included). */
    private static int statementEnd(List<PythonSource.Logical> logical, int start, int to, int indent) {
        int end = start;
        for (int j = start + 1; j <= to; j++) {
            PythonSource.Logical l = logical.get(j);
            if (!l.code()) continue;
            if (l.indent() <= indent) break;
            end = j;
        }
        return end;
    }

    /** Like {@link #statementEnd} but also swallows the elif/else/except/finally clauses of a compound statement. */
    private static int groupEnd(String[] lines, List<PythonSource.Logical> logical, int start, int to, int indent) {
        int end = statementEnd(logical, start, to, indent);
        while (true) {
            int next = end + 1;
            while (next <= to && !logical.get(next).code()) next++;
            if (next > to || logical.get(next).indent() != indent || !CLAUSE.matcher(lines[logical.get(next).first()]).matches()) {
                return end;
            }
            end = statementEnd(logical, next, to, indent);
        }
    }

    /** Text to keep for the statement group {@code [start, end]}, or null to omit it. */
    private static String keep(String[] lines, List<PythonSource.Logical> logical, int start, int end, int indent) {
        String head = lines[logical.get(start).first()].strip();
        if (head.startsWith("raise ") || head.equals("raise")) return text(lines, logical.get(start), logical.get(end));
        if (head.startsWith("if ") && logical.get(start).opener()) {
            int inner = nextCode(logical, start + 1, end);
            if (inner >= 0 && statementEnd(logical, inner, end, logical.get(inner).indent()) == end
                    && lines[logical.get(inner).first()].strip().startsWith("raise")) {
                return text(lines, logical.get(start), logical.get(end));
            }
            return null;
        }
        if (head.equals("try:") || head.startsWith("try:")) {
            StringBuilder out = new StringBuilder();
            int i = start;
            while (i <= end) {
                PythonSource.Logical clause = logical.get(i);
                int clauseEnd = statementEnd(logical, i, end, indent);
                int inner = nextCode(logical, i + 1, clauseEnd);
                if (!clause.opener() || inner < 0) return null;
                int handlerLines = logical.get(clauseEnd).last() - clause.last();
                boolean isTry = lines[clause.first()].strip().startsWith("try");
                if (!isTry && handlerLines <= MAX_KEPT_HANDLER_LINES) {
                    out.append(text(lines, clause, logical.get(clauseEnd)));
                } else {
                    out.append(text(lines, clause, clause));
                    out.append(" ".repeat(logical.get(inner).indent())).append("...\n");
                }
                i = clauseEnd + 1;
                while (i <= end && !logical.get(i).code()) i++;
            }
            return out.toString();
        }
        return null;
    }

    private static int nextCode(List<PythonSource.Logical> logical, int from, int to) {
        for (int j = from; j <= to; j++) if (logical.get(j).code()) return j;
        return -1;
    }

    private static String docstringFirstLine(String[] lines, PythonSource.Logical doc, String pad) {
        if (doc.physicalLines() == 1) return lines[doc.first()];
        var m = DOCSTRING.matcher(lines[doc.first()]);
        if (!m.matches()) return text(lines, doc, doc).stripTrailing();
        String prefix = m.group(1);
        String quote = m.group(2);
        String summary = m.group(3).strip();
        for (int j = doc.first() + 1; summary.isEmpty() && j <= doc.last(); j++) summary = lines[j].strip();
        if (summary.endsWith(quote)) summary = summary.substring(0, summary.length() - quote.length()).strip();
        // Anything that could interact with the quotes keeps the full docstring.
        if (quote.length() != 3 || summary.contains("\\") || summary.contains(quote.substring(0, 1))) {
            return text(lines, doc, doc).stripTrailing();
        }
        return pad + prefix + quote + summary + quote;
    }

    private static String omission(String pad, int lines) {
        return pad + "...  # " + lines + (lines == 1 ? " line" : " lines") + " omitted\n";
    }

    private static void emit(StringBuilder out, String[] lines, PythonSource.Logical l) {
        out.append(text(lines, l, l));
    }

    private static String text(String[] lines, PythonSource.Logical from, PythonSource.Logical to) {
        StringBuilder sb = new StringBuilder();
        for (int j = from.first(); j <= to.last(); j++) sb.append(lines[j]).append('\n');
        return sb.toString();
    }
}
