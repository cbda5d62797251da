package io.headroom.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the documentation lives: the src-docs site and the repository around it (set by the pom). */
final class DocsTree {
    /** The folder of the host pages, one per host, whose blocks must all compile or check. */
    static final String HOSTS = "hosts";

    private DocsTree() {
    }

    static Path docsDir() {
        return directory("docs.dir");
    }

    static Path repositoryRoot() {
        return directory("repository.root");
    }

    /** The host pages: every Markdown file under src-docs/hosts. */
    static List<Path> hostPages() {
        return markdownUnder(docsDir().resolve(HOSTS));
    }

    /** Every page of the site (without node_modules and VitePress' own folders). */
    static List<Path> sitePages() {
        return markdownUnder(docsDir());
    }

    /** A path for messages: relative to the repository root, with forward slashes. */
    static String display(Path file) {
        return repositoryRoot().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static List<Path> markdownUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !docsDir().relativize(p).toString().replace('\\', '/').matches("(node_modules|\\.vitepress)/.*"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(property + " is not a directory: " + dir);
        }
        return dir;
    }
}
