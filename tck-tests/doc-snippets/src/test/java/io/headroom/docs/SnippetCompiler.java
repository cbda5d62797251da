package io.headroom.docs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles snippets with the JDK's compiler against this module's test classpath (the host artifacts and
 * their frameworks) for Java 17, the oldest supported release. Class files are discarded. Besides errors,
 * a use of deprecated API fails too: the docs must not teach what the next framework version removes.
 */
final class SnippetCompiler implements AutoCloseable {
    private static final Set<String> FAILING_WARNINGS = Set.of(
            "compiler.warn.has.been.deprecated", "compiler.warn.has.been.deprecated.for.removal",
            "compiler.warn.has.been.deprecated.module", "compiler.warn.has.been.deprecated.for.removal.module");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;

    SnippetCompiler() {
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            files.setLocation(StandardLocation.CLASS_PATH, testClassPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems javac reports for {@code block}, each as {@code page:line: message}; empty when it compiles. */
    List<String> problems(FencedBlock block) {
        JavaSnippet snippet = JavaSnippet.of(block);
        JavaFileObject source = new SourceText(snippet);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:deprecation,removal", "-implicit:none");
        compiler.getTask(null, new DiscardingOutput(files), diagnostics, options, null, List.of(source)).call();
        long blockLines = block.text().lines().count();
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR && !FAILING_WARNINGS.contains(d.getCode())) {
                continue;
            }
            long line = d.getLineNumber() - snippet.linesBefore();
            String where = d.getSource() == source && line >= 1 && line <= blockLines
                    ? block.location(line)
                    : block.location() + " (generated wrapper, line " + d.getLineNumber() + ")";
            problems.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return problems;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    /** Surefire states the real test classpath here; java.class.path may be its manifest-only jar. */
    private static List<File> testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(File::new).toList();
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(JavaSnippet snippet) {
            super(URI.create("string:///" + snippet.fileName()), Kind.SOURCE);
            this.text = snippet.source();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Class files go nowhere: only the diagnostics matter. */
    private static final class DiscardingOutput extends ForwardingJavaFileManager<JavaFileManager> {
        DiscardingOutput(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }
    }
}
