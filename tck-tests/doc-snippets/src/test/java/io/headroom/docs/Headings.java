package io.headroom.docs;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors a page's headings get. The pages are read on two sites that slug headings differently:
 * the VitePress site (mdit-vue's slugify: punctuation runs become one '-') and GitHub (github-slugger:
 * punctuation is dropped). A link is trustworthy only if its anchor exists on both.
 */
final class Headings {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CUSTOM_ID = Pattern.compile("\\s*\\{#([^}\\s]+)}\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern VITEPRESS_SPECIAL = Pattern.compile("[\\s~`!@#$%^&*()\\-_+=\\[\\]{}|\\\\;:\"'“”‘’<>,.?/]+");
    private static final Pattern GITHUB_REMOVED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private final Set<String> vitepress;
    private final Set<String> github;

    private Headings(Set<String> vitepress, Set<String> github) {
        this.vitepress = vitepress;
        this.github = github;
    }

    static Headings of(List<String> lines) {
        boolean[] code = MarkdownBlocks.insideFences(lines);
        Set<String> vitepress = new LinkedHashSet<>();
        Set<String> github = new LinkedHashSet<>();
        Map<String, Integer> seenVitepress = new HashMap<>();
        Map<String, Integer> seenGithub = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            Matcher anchor = HTML_ANCHOR.matcher(lines.get(i));
            while (anchor.find()) {
                vitepress.add(anchor.group(1));
                github.add(anchor.group(1));
            }
            Matcher h = HEADING.matcher(lines.get(i));
            if (!h.matches()) {
                continue;
            }
            String heading = h.group(1);
            Matcher custom = CUSTOM_ID.matcher(heading);
            if (custom.find()) {
                vitepress.add(custom.group(1));
                heading = heading.substring(0, custom.start());
            } else {
                vitepress.add(unique(vitepressSlug(text(heading)), seenVitepress));
            }
            github.add(unique(githubSlug(text(heading)), seenGithub));
        }
        return new Headings(vitepress, github);
    }

    boolean onSite(String anchor) {
        return vitepress.contains(anchor);
    }

    boolean onGithub(String anchor) {
        return github.contains(anchor);
    }

    Set<String> siteAnchors() {
        return vitepress;
    }

    /** mdit-vue's slugify, which VitePress uses for heading ids. */
    static String vitepressSlug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[\\u0300-\\u036F]", "")
                .replaceAll("[\\u0000-\\u001f]", "");
        s = VITEPRESS_SPECIAL.matcher(s).replaceAll("-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        return s.replaceFirst("^(\\d)", "_$1").toLowerCase();
    }

    /** github-slugger, which GitHub uses for heading anchors. */
    static String githubSlug(String text) {
        return GITHUB_REMOVED.matcher(text.toLowerCase()).replaceAll("").replace(' ', '-');
    }

    /** The heading as rendered text: inline code, emphasis and link targets removed. */
    static String text(String heading) {
        UnaryOperator<String> links = s -> s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return links.apply(heading).replace("`", "").replaceAll("(\\*\\*|__|\\*)", "").strip();
    }

    private static String unique(String slug, Map<String, Integer> seen) {
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        return n == 0 ? slug : slug + "-" + n;
    }
}
