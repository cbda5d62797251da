package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Links between the pages resolve: every relative link of a site page (and of the README) names a file
 * that exists, a link to a page with {@code #anchor} names a heading of that page, and every sidebar and
 * nav entry of the VitePress config names a page. Site pages are read on the site and on GitHub, so
 * their anchors must exist under both slug rules (see {@link Headings}); the README only on GitHub.
 */
class DocLinksTest {
    private static final Pattern CONFIG_LINK = Pattern.compile("link:\\s*'([^']+)'");

    private final LinkChecker links = new LinkChecker();

    @Test
    void linksBetweenPagesResolve() {
        List<String> broken = new ArrayList<>();
        for (Path page : DocsTree.sitePages()) {
            broken.addAll(links.brokenLinks(page, true));
        }
        broken.addAll(links.brokenLinks(DocsTree.repositoryRoot().resolve("README.md"), false));
        if (!broken.isEmpty()) {
            fail(broken.size() + " broken link(s):\n  " + String.join("\n  ", broken));
        }
    }

    @Test
    void everySidebarAndNavEntryIsAPage() throws IOException {
        Path config = DocsTree.docsDir().resolve(".vitepress/config.mjs");
        Matcher m = CONFIG_LINK.matcher(Files.readString(config, StandardCharsets.UTF_8));
        List<String> broken = new ArrayList<>();
        int entries = 0;
        while (m.find()) {
            entries++;
            String link = m.group(1);
            if (!link.startsWith(LinkChecker.GENERATED_API) && LinkChecker.pageFor(DocsTree.docsDir(), link.replaceFirst("#.*", "")) == null) {
                broken.add(DocsTree.display(config) + ": '" + link + "' is no page of the site");
            }
        }
        assertFalse(entries == 0, "no link: entries found in " + config);
        if (!broken.isEmpty()) {
            fail(String.join("\n", broken));
        }
    }
}
