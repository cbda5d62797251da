package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.headroom.ConfigOption;
import io.headroom.HeadroomConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed configuration reference is the one the config classes generate. When an option, default
 * or meaning changes in a core config slice, this fails until the page is regenerated:
 * {@code ./mvnw -B verify -pl tck-tests/doc-snippets -am -Dtest=ConfigReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dheadroom.docs.regenerate=true} rewrites the block in place.
 */
class ConfigReferenceTest {
    private static final String REGENERATE = "headroom.docs.regenerate";

    @Test
    void committedReferenceIsTheGeneratedOne() throws IOException {
        Path page = DocsTree.docsDir().resolve("configuration.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(ConfigReference.BEGIN);
        int end = text.indexOf(ConfigReference.END);
        assertTrue(begin >= 0 && end > begin, DocsTree.display(page) + " has no generated block between "
                + ConfigReference.BEGIN + " and " + ConfigReference.END);
        String committed = text.substring(begin, end + ConfigReference.END.length() + 1);
        String generated = ConfigReference.render();
        if (committed.equals(generated)) {
            return;
        }
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(page, text.substring(0, begin) + generated + text.substring(end + ConfigReference.END.length() + 1),
                    StandardCharsets.UTF_8);
            return;
        }
        fail(DocsTree.display(page) + " differs from the options of the config classes (first difference at line "
                + firstDifferentLine(committed, generated) + " of the block); regenerate with -D" + REGENERATE + "=true");
    }

    @Test
    void everyCoreOptionHasItsOwnRowWithItsDefaultAndMeaning() {
        String generated = ConfigReference.render();
        for (ConfigOption o : HeadroomConfig.OPTIONS) {
            String row = generated.lines().filter(l -> l.startsWith("| `" + o.name() + "`") || l.startsWith("| ~~`" + o.name() + "`~~"))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + o.name()));
            assertTrue(row.contains(o.description().replace("|", ", ")), o.name() + ": meaning missing in " + row);
            assertTrue(o.defaultValue().isEmpty() ? row.contains("| unset |") : row.contains("`" + o.defaultValue().split("\\|")[0]),
                    o.name() + ": default missing in " + row);
        }
    }

    private static int firstDifferentLine(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int i = 0;
        while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
            i++;
        }
        return i + 1;
    }
}
