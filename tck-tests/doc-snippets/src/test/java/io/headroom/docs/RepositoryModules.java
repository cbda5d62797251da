package io.headroom.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * The artifacts this repository publishes, read from its pom files: every module that builds a jar (or a
 * Quarkus extension), is not under tck-tests (tests and tools only) and does not skip installation.
 */
final class RepositoryModules {
    private final String version;
    private final Map<String, Path> publishedArtifacts;

    private RepositoryModules(String version, Map<String, Path> publishedArtifacts) {
        this.version = version;
        this.publishedArtifacts = publishedArtifacts;
    }

    static RepositoryModules read(Path root) {
        Element rootPom = pom(root.resolve("pom.xml"));
        String version = XmlBlock.childText(rootPom, "version");
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, Path> published = files
                    .filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/')
                            .matches("(.*/)?(target|node_modules|src)/.*|\\..*|tck-tests/.*"))
                    .map(p -> Map.entry(p, pom(p)))
                    .filter(e -> published(e.getValue()))
                    .collect(Collectors.toMap(e -> XmlBlock.childText(e.getValue(), "artifactId"), Map.Entry::getKey,
                            (a, b) -> a, TreeMap::new));
            return new RepositoryModules(version, published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return version;
    }

    boolean publishes(String artifactId) {
        return publishedArtifacts.containsKey(artifactId);
    }

    Iterable<String> artifactIds() {
        return publishedArtifacts.keySet();
    }

    private static boolean published(Element pom) {
        String packaging = XmlBlock.childText(pom, "packaging");
        if (packaging != null && !packaging.equals("jar") && !packaging.equals("quarkus-extension")) {
            return false;
        }
        for (Element properties : XmlBlock.children(pom)) {
            if (properties.getTagName().equals("properties")
                    && "true".equals(XmlBlock.childText(properties, "maven.install.skip"))) {
                return false;
            }
        }
        return true;
    }

    private static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
