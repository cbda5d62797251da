package io.headroom.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;

/**
 * The Javadoc of the public API (packages {@code io.headroom}, {@code io.headroom.host},
 * {@code io.headroom.host.retrieve}; never {@code io.headroom.internal}), written into the site's
 * {@code public/api} folder so VitePress publishes it at {@code /api/} with the pages. Generated with the
 * JDK's own javadoc against this module's classpath, which holds the core and its dependencies.
 */
final class ApiDocs {
    static final List<String> PUBLIC_PACKAGES = List.of("io.headroom", "io.headroom.host", "io.headroom.host.retrieve");

    private ApiDocs() {
    }

    /** Writes the Javadoc into {@code out} (emptied first); fails with javadoc's messages when it fails. */
    static void generate(Path out) throws IOException {
        deleteTree(out);
        Files.createDirectories(out);
        Path sources = DocsTree.repositoryRoot().resolve("headroom-filter/headroom-core/src/main/java");
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        if (javadoc == null) {
            throw new AssertionError("no javadoc tool: run the tests on a JDK, not a JRE");
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-sourcepath", sources.toString(),
                "-classpath", System.getProperty("java.class.path"), "-quiet", "-notimestamp", "-Xdoclint:none",
                "--release", "17", "-windowtitle", "Headroom for Java API", "-doctitle", "Headroom for Java: public API"));
        args.addAll(PUBLIC_PACKAGES);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = javadoc.run(null, log, log, args.toArray(String[]::new));
        if (exit != 0) {
            throw new AssertionError("javadoc exited " + exit + ":\n" + log.toString(StandardCharsets.UTF_8));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
