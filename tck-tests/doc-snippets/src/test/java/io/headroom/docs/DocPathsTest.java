package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs work in anyone's clone: no page changes into, or points at, an absolute path of one machine's
 * checkout or a folder outside the repository. Paths a reader's own machine has ({@code ~/.headroom},
 * {@code /var/lib/...} in an example configuration) are fine; what is refused is a command or link that
 * only resolves where the docs were written.
 */
class DocPathsTest {
    /** {@code cd /somewhere} (a checkout path), home directories of a person, links out of the repository. */
    private static final Pattern MACHINE_SPECIFIC = Pattern.compile(
            "\\bcd\\s+/(?!tmp\\b)[\\w.-]+|/(?:home|Users)/(?!me/)[\\w.-]+/|(?<![\\w.])/work/[\\w.-]+|\\]\\((?:\\.\\./)+shared/");

    @Test
    void noPageNamesAPathOfOneMachineOrOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        Path root = DocsTree.repositoryRoot();
        Stream.concat(DocsTree.sitePages().stream(), Stream.of(root.resolve("README.md"), root.resolve("tck-tests/README.md"),
                root.resolve("CHANGELOG.md"))).forEach(page -> {
            List<String> lines = MarkdownBlocks.lines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MACHINE_SPECIFIC.matcher(lines.get(i));
                while (m.find()) {
                    found.add(DocsTree.display(page) + ":" + (i + 1) + ": " + m.group());
                }
            }
        });
        assertEquals(List.of(), found, "machine-specific paths; use paths relative to the repository root");
    }
}
