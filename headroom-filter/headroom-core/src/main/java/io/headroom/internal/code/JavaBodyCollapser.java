package io.headroom.internal.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collapses Java method and constructor bodies with JavaParser. A body keeps its guard clauses
 * ({@code if (...) throw ...}), {@code throw} statements and the skeleton of its try statements (the
 * {@code catch} clauses with their short handlers); every other run of statements becomes
 * {@code // ... N lines omitted}. Javadoc shrinks to its first line. The result must parse again, else
 * the caller keeps the original. (Non-void methods may lose their {@code return}: the output is for reading,
 * it parses but need not compile.)
 */
final class JavaBodyCollapser {

    /** Bodies spanning fewer lines (getters, one-liners) are left as they are. */
    private static final int MIN_BODY_LINES = 4;
    /** Guard clauses and catch handlers up to this many lines are kept whole. */
    private static final int MAX_KEPT_LINES = 4;

    private JavaBodyCollapser() {
    }

    static boolean parses(String source) {
        return parse(source).isPresent();
    }

    /** The collapsed source, or empty when the input does not parse, nothing collapses or the output would not parse. */
    static Optional<String> collapse(String source) {
        Optional<CompilationUnit> parsed = parse(source);
        if (parsed.isEmpty()) return Optional.empty();
        SourceText src = new SourceText(source);
        List<SourceText.Edit> edits = new ArrayList<>();
        for (CallableDeclaration<?> callable : parsed.get().findAll(CallableDeclaration.class)) {
            Optional<BlockStmt> body = callable instanceof MethodDeclaration m ? m.getBody()
                    : callable instanceof ConstructorDeclaration c ? Optional.of(c.getBody()) : Optional.empty();
            if (body.isEmpty() || lines(body.get()) < MIN_BODY_LINES) continue;
            Optional<Range> range = body.get().getRange();
            if (range.isEmpty()) continue;
            int from = src.offset(range.get().begin.line, range.get().begin.column);
            int to = src.offset(range.get().end.line, range.get().end.column) + 1;
            String base = src.firstOnLine(to - 1) ? src.indentAt(to - 1) : src.indentAt(from);
            edits.add(new SourceText.Edit(from, to, block(body.get(), base, src)));
        }
        if (edits.isEmpty()) return Optional.empty();
        for (var comment : parsed.get().getAllComments()) {
            if (!(comment instanceof JavadocComment doc) || doc.getRange().isEmpty() || lines(doc) < 2) continue;
            Range r = doc.getRange().get();
            edits.add(new SourceText.Edit(src.offset(r.begin.line, r.begin.column),
                    src.offset(r.end.line, r.end.column) + 1, "/** " + firstLine(doc.getContent()) + " */"));
        }
        String out = SourceText.apply(source, edits);
        return parses(out) ? Optional.of(out) : Optional.empty();
    }

    private static Optional<CompilationUnit> parse(String source) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(true);
        ParseResult<CompilationUnit> result = new JavaParser(config).parse(source);
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }

    /** A block rendered with kept statements and omission comments; {@code base} is the closing brace's indent. */
    private static String block(BlockStmt body, String base, SourceText src) {
        String indent = body.getStatements().isEmpty() || body.getStatement(0).getRange().isEmpty()
                ? base + (base.contains("\t") ? "\t" : "    ")
                : BraceBodyCollapser.bodyIndent(src.text().split("\n", -1),
                        body.getStatement(0).getRange().get().begin.line - 2,
                        body.getStatement(0).getRange().get().begin.line, base);
        List<String> parts = new ArrayList<>();
        int omitted = 0;
        for (Statement st : body.getStatements()) {
            String kept = keep(st, indent, src);
            if (kept == null) {
                omitted += lines(st);
                continue;
            }
            if (omitted > 0) parts.add(omission(omitted));
            omitted = 0;
            parts.add(kept);
        }
        if (omitted > 0) parts.add(omission(omitted));
        if (parts.size() == 1 && parts.get(0).startsWith("//")) {
            return "{ /* " + parts.get(0).substring(3) + " */ }";
        }
        StringBuilder out = new StringBuilder("{");
        for (String part : parts) out.append('\n').append(indent).append(part);
        return out.append('\n').append(base).append('}').toString();
    }

    /** The text to keep for a top-level statement of a collapsed body, or null to omit it. */
    private static String keep(Statement st, String indent, SourceText src) {
        if (st instanceof ThrowStmt) return original(st, src);
        if (st instanceof IfStmt ifStmt && ifStmt.getElseStmt().isEmpty() && lines(st) <= MAX_KEPT_LINES
                && isThrow(ifStmt.getThenStmt())) {
            return original(st, src);
        }
        if (st instanceof TryStmt tryStmt) {
            StringBuilder out = new StringBuilder("try ");
            if (!tryStmt.getResources().isEmpty()) {
                List<String> resources = new ArrayList<>();
                tryStmt.getResources().forEach(r -> resources.add(original(r, src)));
                out.append('(').append(String.join("; ", resources)).append(") ");
            }
            out.append(block(tryStmt.getTryBlock(), indent, src));
            for (CatchClause c : tryStmt.getCatchClauses()) {
                out.append(" catch (").append(original(c.getParameter(), src)).append(") ");
                out.append(lines(c.getBody()) <= MAX_KEPT_LINES ? original(c.getBody(), src) : block(c.getBody(), indent, src));
            }
            tryStmt.getFinallyBlock().ifPresent(f -> out.append(" finally ")
                    .append(lines(f) <= MAX_KEPT_LINES ? original(f, src) : block(f, indent, src)));
            return out.toString();
        }
        return null;
    }

    private static boolean isThrow(Statement st) {
        if (st instanceof ThrowStmt) return true;
        return st instanceof BlockStmt b && b.getStatements().size() == 1 && b.getStatement(0) instanceof ThrowStmt;
    }

    private static String omission(int lines) {
        return "// ... " + lines + (lines == 1 ? " line" : " lines") + " omitted";
    }

    private static String original(Node node, SourceText src) {
        Range r = node.getRange().orElseThrow();
        return src.text().substring(src.offset(r.begin.line, r.begin.column), src.offset(r.end.line, r.end.column) + 1);
    }

    private static int lines(Node node) {
        return node.getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
    }

    static String firstLine(String javadocContent) {
        for (String line : javadocContent.split("\r?\n|\r")) {
            String t = line.strip();
            if (t.startsWith("*")) t = t.substring(1).strip();
            if (!t.isEmpty() && !t.startsWith("@")) return t;
        }
        return "";
    }
}
