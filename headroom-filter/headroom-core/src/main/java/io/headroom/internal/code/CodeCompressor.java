package io.headroom.internal.code;

import io.headroom.CodeCompressionConfig;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.text.Words;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keeps the shape of source code and drops its implementation: package, imports, type declarations with
 * their fields, annotations / decorators, signatures, docstring first lines and error handling stay; function
 * bodies collapse to a placeholder that keeps the file syntactically valid. Java goes through JavaParser
 * ({@link JavaBodyCollapser}), Python through an indentation-aware scanner ({@link PythonBodyCollapser}),
 * other brace languages through a lexer ({@link BraceBodyCollapser}); whatever they cannot handle with
 * certainty is returned unchanged. Runs of six or more definitions of the same shape (generated code, stubs,
 * fixtures) keep their first two and last one; the rest become one comment naming them
 * ({@link RepeatedDefinitions}).
 *
 * <p>Protected as in the original: off unless {@code code-compression.enabled}, never for the last
 * {@link #PROTECT_RECENT} messages, never when the user asked to analyze / review / fix / debug, and never
 * for content under {@link #MIN_WORDS} words. The CCR marker counts lines and is appended as a comment.
 */
public final class CodeCompressor implements ContentCompressor {

    /** Code in this many messages from the end is never compressed (protect_recent_code). */
    public static final int PROTECT_RECENT = 4;
    public static final int MIN_WORDS = 50;

    private static final Pattern JAVA = Pattern.compile(
            "(?m)^\\s*(package\\s+[\\w.]+\\s*;|import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;)"
                    + "|^\\s*(public\\s+|protected\\s+|private\\s+)?(abstract\\s+|final\\s+|sealed\\s+)*(class|interface|enum|record)\\s+\\w+[^;{]*\\{");
    private static final Pattern PYTHON = Pattern.compile(
            "(?m)^[ ]*((async[ ]+)?def[ ]+\\w+[ ]*\\(|class[ ]+\\w+[ ]*[(:])|^(from[ ]+[\\w.]+[ ]+import[ ]|import[ ]+\\w+[ \\w.,]*$)");

    private final boolean enabled;

    public CodeCompressor(CodeCompressionConfig config) {
        this.enabled = config.enabled();
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        try {
            if (!enabled || content == null || context == null) return Compressed.unchanged(content);
            if (context.messagesFromEnd() < PROTECT_RECENT || context.analysisIntent()) return Compressed.unchanged(content);
            if (Words.count(content) < MIN_WORDS) return Compressed.unchanged(content);
            Optional<Collapsed> collapsed = collapse(content);
            if (collapsed.isEmpty()) return Compressed.unchanged(content);
            String body = collapsed.get().text();
            int originalLines = SourceText.countLines(content);
            int keptLines = SourceText.countLines(body);
            String marker = context.marker(originalLines, keptLines, "lines");
            String out = marker.isEmpty() ? body : body + (body.endsWith("\n") ? "" : "\n")
                    + collapsed.get().commentPrefix() + marker + "\n";
            if (out.length() >= content.length()) return Compressed.unchanged(content);
            return new Compressed(true, out, originalLines, keptLines);
        } catch (RuntimeException | StackOverflowError e) {
            return Compressed.unchanged(content);
        }
    }

    /** Collapsed source and the line-comment prefix of its language. */
    record Collapsed(String text, String commentPrefix) {
    }

    /**
     * Collapses {@code source} in whichever supported language it is in, or empty when not confidently possible:
     * runs of repeated definitions first (their shapes are compared on the original text), then bodies.
     */
    static Optional<Collapsed> collapse(String source) {
        if (JAVA.matcher(source).find() && source.indexOf(';') >= 0) {
            // Java-looking text that JavaParser rejects could be Kotlin, C# or a fragment: try the others.
            if (JavaBodyCollapser.parses(source)) {
                return both(source, s -> RepeatedDefinitions.braces(s, BraceDialect.C_LIKE, JavaBodyCollapser::parses),
                        JavaBodyCollapser::collapse).map(t -> new Collapsed(t, "// "));
            }
        }
        if (PYTHON.matcher(source).find() && PythonBodyCollapser.looksValid(source)) {
            return both(source, RepeatedDefinitions::python, PythonBodyCollapser::collapse)
                    .map(t -> new Collapsed(t, "# "));
        }
        if (source.indexOf('{') >= 0 && source.indexOf('}') >= 0) {
            BraceDialect dialect = BraceDialect.detect(source);
            return both(source, s -> RepeatedDefinitions.braces(s, dialect, t -> true),
                    s -> BraceBodyCollapser.collapse(s, dialect)).map(t -> new Collapsed(t, "// "));
        }
        return Optional.empty();
    }

    /** {@code second} applied to the result of {@code first} (or to the source); empty when neither changed anything. */
    private static Optional<String> both(String source, Function<String, Optional<String>> first,
                                         Function<String, Optional<String>> second) {
        Optional<String> a = first.apply(source);
        Optional<String> b = second.apply(a.orElse(source));
        return b.isPresent() ? b : a;
    }
}
