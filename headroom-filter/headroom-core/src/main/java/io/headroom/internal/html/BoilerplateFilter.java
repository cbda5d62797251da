package io.headroom.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Removes what is never article text: scripts and styles, page chrome (nav, header, footer, aside) and
 * elements whose class / id / role names them as navigation, menus, cookie banners, ads, share widgets and
 * the like. An element that wraps the main content (it contains {@code main}/{@code article} or most of the
 * page's text) is never removed, so a class like {@code page-with-sidebar} on a wrapper is harmless.
 */
final class BoilerplateFilter {

    private static final String NEVER_CONTENT = "script, style, noscript, svg, iframe, template, object, embed, "
            + "canvas, link, meta, button, input, select, textarea, dialog, [hidden], [aria-hidden=true]";
    private static final String CHROME = "nav, header, footer, aside, form";
    /** Words matched at the start of a class / id token: "nav" also catches "navbar", "navigation". */
    private static final List<String> NOISE_PREFIXES = List.of(
            "nav", "menu", "footer", "cookie", "consent", "gdpr", "banner", "sidebar", "breadcrumb", "social",
            "share", "sharing", "related", "subscribe", "newsletter", "promo", "advert", "sponsor", "popup",
            "modal", "masthead", "toolbar", "skip");
    /** Words that must match a whole token: "ad" must not hit "header", "download" or "shadow". */
    private static final Set<String> NOISE_TOKENS = Set.of("ad", "ads", "adsense", "dfp", "comments", "comment",
            "widget", "widgets", "toc", "pagination", "pager", "signup", "login", "topbar", "bottombar");
    private static final Set<String> NOISE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "menu", "menubar", "search", "dialog", "alertdialog", "toolbar");
    /** Wrappers holding more than this share of the page's text are structure, not noise. */
    private static final double WRAPPER_TEXT_SHARE = 0.5;

    private BoilerplateFilter() {
    }

    static void clean(Document doc) {
        doc.select(NEVER_CONTENT).remove();
        Element body = doc.body();
        int pageText = textLength(body);
        List<Element> noise = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (el == body || isInside(el, noise)) continue;
            boolean chrome = el.is(CHROME) && !isArticleHeader(el);
            if ((chrome || hasNoiseName(el)) && !wrapsContent(el, pageText)) noise.add(el);
        }
        for (Element el : noise) el.remove();
    }

    /** A {@code header} inside an article usually carries the article's title: keep it. */
    private static boolean isArticleHeader(Element el) {
        return el.normalName().equals("header") && el.closest("article, main, [role=main]") != null
                && !el.select("h1, h2, h3").isEmpty();
    }

    private static boolean wrapsContent(Element el, int pageText) {
        if (el.is("main, article, [role=main]") || !el.select("main, article, [role=main]").isEmpty()) return true;
        return pageText > 0 && textLength(el) > pageText * WRAPPER_TEXT_SHARE;
    }

    static boolean hasNoiseName(Element el) {
        String role = el.attr("role").toLowerCase(Locale.ROOT).trim();
        if (!role.isEmpty() && NOISE_ROLES.contains(role)) return true;
        String names = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT);
        if (names.isBlank()) return false;
        for (String token : names.split("[^a-z0-9]+")) {
            if (token.isEmpty()) continue;
            if (NOISE_TOKENS.contains(token)) return true;
            for (String prefix : NOISE_PREFIXES) {
                if (token.startsWith(prefix)) return true;
            }
        }
        return false;
    }

    private static boolean isInside(Element el, List<Element> removed) {
        for (Element parent : el.parents()) {
            if (removed.contains(parent)) return true;
        }
        return false;
    }

    static int textLength(Element el) {
        return el.text().length();
    }

    /** Share of an element's text that sits inside links. */
    static double linkDensity(Element el) {
        int total = textLength(el);
        if (total == 0) return 0;
        Elements links = el.select("a");
        int linkText = 0;
        for (Element a : links) linkText += a.text().length();
        return Math.min(1.0, (double) linkText / total);
    }
}
