package io.headroom.docs;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Checks the {@code <dependency>} elements of a block: an {@code io.headroom} artifact must be one this
 * repository publishes, at its version; any other artifact must be on this module's test classpath (at
 * the version shown, if one is), so the page's snippets were compiled against exactly what it tells
 * users to add.
 */
final class DependencyCheck {
    static final String OWN_GROUP = "io.headroom";

    private final RepositoryModules modules;
    private final List<String> classPath;

    DependencyCheck(RepositoryModules modules) {
        this.modules = modules;
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        this.classPath = Arrays.stream(path.split(File.pathSeparator)).map(p -> p.replace('\\', '/')).toList();
    }

    List<String> problems(FencedBlock block, XmlBlock xml) {
        List<String> problems = new ArrayList<>();
        for (Element dependency : xml.all("dependency")) {
            String groupId = XmlBlock.childText(dependency, "groupId");
            String artifactId = XmlBlock.childText(dependency, "artifactId");
            String version = XmlBlock.childText(dependency, "version");
            String coordinates = groupId + ":" + artifactId + (version == null ? "" : ":" + version);
            if (groupId == null || artifactId == null) {
                problems.add(block.location() + ": a dependency needs a groupId and an artifactId: " + coordinates);
            } else if (groupId.equals(OWN_GROUP)) {
                if (!modules.publishes(artifactId)) {
                    problems.add(block.location() + ": " + coordinates + " is not an artifact of this repository (it has "
                            + String.join(", ", modules.artifactIds()) + ")");
                }
                if (version == null || !version.equals(modules.version())) {
                    problems.add(block.location() + ": " + coordinates + " must state the project version " + modules.version());
                }
            } else if (!onClassPath(groupId, artifactId, version)) {
                problems.add(block.location() + ": " + coordinates + " is not on the doc-snippets test classpath, so no"
                        + " snippet was compiled against it; add it to tck-tests/doc-snippets/pom.xml");
            }
        }
        return problems;
    }

    private boolean onClassPath(String groupId, String artifactId, String version) {
        String artifactDir = "/" + groupId.replace('.', '/') + "/" + artifactId + "/" + (version == null ? "" : version + "/");
        return classPath.stream().anyMatch(entry -> entry.contains(artifactDir));
    }
}
