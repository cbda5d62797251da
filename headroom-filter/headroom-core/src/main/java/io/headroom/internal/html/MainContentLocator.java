package io.headroom.internal.html;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Picks the element holding the page's main content, after boilerplate is gone: an explicit {@code main} /
 * {@code [role=main]} / single {@code article} when the page marks one, otherwise the block that collects the
 * most paragraph text with the fewest links (a readability-style score where each paragraph credits its
 * parent fully and its grandparent by half).
 */
final class MainContentLocator {

    /** An explicit landmark shorter than this share of the page's text is probably not the main content. */
    private static final double LANDMARK_MIN_SHARE = 0.3;
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final double DENSE_BLOCK_MIN_SHARE = 0.6;

    private MainContentLocator() {
    }

    static Element locate(Element body) {
        int pageText = BoilerplateFilter.textLength(body);
        if (pageText == 0) return body;
        Element landmark = largest(body, "main, [role=main]");
        if (landmark != null && BoilerplateFilter.textLength(landmark) >= pageText * LANDMARK_MIN_SHARE) {
            return landmark;
        }
        var articles = body.select("article");
        if (articles.size() == 1 && BoilerplateFilter.textLength(articles.first()) >= pageText * LANDMARK_MIN_SHARE) {
            return articles.first();
        }
        if (articles.size() > 1) {
            // A listing of several articles: they all matter, keep their common container.
            return body;
        }
        // Without landmarks, trust the densest block only when it clearly holds most of what is left;
        // otherwise the cleaned body is safer (recall over precision).
        Element best = densestBlock(body);
        return best != null && BoilerplateFilter.textLength(best) >= pageText * DENSE_BLOCK_MIN_SHARE ? best : body;
    }

    private static Element largest(Element body, String query) {
        Element best = null;
        int bestLen = -1;
        for (Element el : body.select(query)) {
            int len = BoilerplateFilter.textLength(el);
            if (len > bestLen) {
                best = el;
                bestLen = len;
            }
        }
        return best;
    }

    private static Element densestBlock(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : body.select("p, pre, td, li, blockquote, h2, h3")) {
            int len = p.text().length();
            if (len < MIN_PARAGRAPH_CHARS) continue;
            double score = 1 + Math.min(3, len / 100.0) + countCommas(p.text());
            Element parent = p.parent();
            if (parent == null) continue;
            scores.merge(parent, score, Double::sum);
            Element grand = parent.parent();
            if (grand != null) scores.merge(grand, score / 2, Double::sum);
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double score = e.getValue() * (1 - BoilerplateFilter.linkDensity(e.getKey()));
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        if (best == null) return null;
        // Content split over sibling blocks (text, then a table, then more text) lives in the parent.
        Element parent = best.parent();
        if (parent != null && parent != body.parent()) {
            double parentScore = scores.getOrDefault(parent, 0.0) * (1 - BoilerplateFilter.linkDensity(parent));
            if (parentScore >= bestScore * 0.75) return parent;
        }
        return best;
    }

    private static int countCommas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ',') n++;
        return Math.min(n, 5);
    }
}
