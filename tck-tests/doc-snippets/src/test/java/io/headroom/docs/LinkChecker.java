package io.headroom.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Markdown links of a page that do not resolve: a relative link must name an existing file
 * (a VitePress-style link without {@code .md} names a page), a link with {@code #anchor} into a page
 * must name one of its headings. A page read on the site and on GitHub needs anchors both agree on.
 */
final class LinkChecker {
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z+.-]*:.*");
    /** The Javadoc the site build generates ({@link ApiDocs}); SiteInBrowserTest checks it is published. */
    static final String GENERATED_API = "/api/";

    private final Map<Path, Headings> headings = new HashMap<>();

    /**
     * The broken links of {@code page}, each as {@code page:line: target: why}.
     *
     * @param onSite whether the page is also rendered by VitePress (else only on GitHub)
     */
    List<String> brokenLinks(Path page, boolean onSite) {
        List<String> lines = MarkdownBlocks.lines(page);
        boolean[] code = MarkdownBlocks.insideFences(lines);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            Matcher m = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
            while (m.find()) {
                String problem = problem(page, m.group(1), onSite);
                if (problem != null) {
                    broken.add(DocsTree.display(page) + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
                }
            }
        }
        return broken;
    }

    /** Why {@code target} does not resolve from {@code page}, or null when it does. */
    private String problem(Path page, String target, boolean onSite) {
        if (EXTERNAL.matcher(target).matches() || target.startsWith(GENERATED_API)) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file;
        if (path.isEmpty()) {
            file = page;
        } else {
            Path base = path.startsWith("/") ? DocsTree.docsDir() : page.getParent();
            String relative = path.startsWith("/") ? path.substring(1) : path;
            file = path.endsWith(".md") || Files.exists(base.resolve(relative)) ? base.resolve(relative).normalize()
                    : pageFor(base, relative);
            if (file == null || !Files.exists(file)) {
                return "no such file";
            }
        }
        if (anchor == null || anchor.isEmpty() || !file.toString().endsWith(".md")) {
            return null;
        }
        Headings h = headings.computeIfAbsent(file, f -> Headings.of(MarkdownBlocks.lines(f)));
        boolean site = !onSite || h.onSite(anchor);
        boolean github = h.onGithub(anchor);
        if (site && github) {
            return null;
        }
        if (!site && !github) {
            return "no heading with this anchor in " + DocsTree.display(file) + " (anchors: " + h.siteAnchors() + ")";
        }
        return "the anchor exists only on " + (site ? "the site" : "GitHub") + "; give the heading an anchor both agree on";
    }

    /** The page a VitePress-style link ({@code /quick-start}, {@code hosts/}) stands for, or null. */
    static Path pageFor(Path base, String link) {
        String relative = link.startsWith("/") ? link.substring(1) : link;
        if (relative.isEmpty() || relative.endsWith("/")) {
            Path index = base.resolve(relative).resolve("index.md").normalize();
            return Files.exists(index) ? index : null;
        }
        for (String candidate : List.of(relative, relative + ".md", relative.replaceFirst("\\.html$", ".md"))) {
            Path p = base.resolve(candidate).normalize();
            if (Files.isRegularFile(p) && p.toString().endsWith(".md")) {
                return p;
            }
        }
        return null;
    }
}
