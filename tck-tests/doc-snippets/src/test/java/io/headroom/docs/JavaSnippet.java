package io.headroom.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compilation unit a Java block becomes: the block itself when it is a whole unit, otherwise the
 * block inside a generated class (members) or method (statements).
 *
 * @param fileName     the source file name javac requires (the public top-level type's name)
 * @param source       the complete compilation unit
 * @param linesBefore  how many generated lines precede the block's first line in {@code source}
 */
record JavaSnippet(String fileName, String source, int linesBefore) {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final String WRAPPER = "DocSnippet";

    static JavaSnippet of(FencedBlock block) {
        SnippetDirective directive = block.directive();
        SnippetDirective.Kind kind = directive == null ? SnippetDirective.Kind.UNIT : directive.kind();
        return switch (kind) {
            case UNIT -> unit(block.text());
            case MEMBERS -> wrapped(directive, block.text(), "");
            case STATEMENTS -> wrapped(directive, block.text(), String.join(", ", directive.list("params")));
            case SKIP -> throw new IllegalArgumentException("a skipped block is not compiled");
        };
    }

    private static JavaSnippet unit(String text) {
        Matcher m = PUBLIC_TYPE.matcher(text);
        String name = m.find() ? m.group(1) : WRAPPER;
        return new JavaSnippet(name + ".java", text, 0);
    }

    /** Statements go in {@code void snippet(params) throws Exception}; members right in the class body. */
    private static JavaSnippet wrapped(SnippetDirective directive, String text, String params) {
        StringBuilder head = new StringBuilder();
        for (String imported : directive.list("imports")) {
            head.append("import ").append(imported).append(";\n");
        }
        head.append("@SuppressWarnings(\"unused\")\n");
        head.append("class ").append(WRAPPER).append(" {\n");
        boolean statements = directive.kind() == SnippetDirective.Kind.STATEMENTS;
        if (statements) {
            head.append("void snippet(").append(params).append(") throws Exception {\n");
        }
        int linesBefore = (int) head.chars().filter(c -> c == '\n').count();
        String source = head + text + (statements ? "}\n" : "") + "}\n";
        return new JavaSnippet(WRAPPER + ".java", source, linesBefore);
    }
}
