package io.headroom.internal.image.route;

import io.headroom.internal.image.ImageRegion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The region a question names in words: corners, halves, the centre, thirds. A question that asks about a part
 * of the image without saying where ("zoom in on the logo") names none; the image's content then decides
 * ({@link BusiestRegion}).
 */
public final class NamedRegions {
    private static final double THIRD = 1.0 / 3;
    static final ImageRegion TOP_LEFT = new ImageRegion(0, 0, 0.5, 0.5);
    static final ImageRegion TOP_RIGHT = new ImageRegion(0.5, 0, 0.5, 0.5);
    static final ImageRegion BOTTOM_LEFT = new ImageRegion(0, 0.5, 0.5, 0.5);
    static final ImageRegion BOTTOM_RIGHT = new ImageRegion(0.5, 0.5, 0.5, 0.5);
    static final ImageRegion LEFT_HALF = new ImageRegion(0, 0, 0.5, 1);
    static final ImageRegion RIGHT_HALF = new ImageRegion(0.5, 0, 0.5, 1);
    static final ImageRegion TOP_HALF = new ImageRegion(0, 0, 1, 0.5);
    static final ImageRegion BOTTOM_HALF = new ImageRegion(0, 0.5, 1, 0.5);
    static final ImageRegion CENTRE = new ImageRegion(0.25, 0.25, 0.5, 0.5);
    static final ImageRegion LEFT_THIRD = new ImageRegion(0, 0, THIRD, 1);
    static final ImageRegion RIGHT_THIRD = new ImageRegion(2 * THIRD, 0, THIRD, 1);
    static final ImageRegion TOP_THIRD = new ImageRegion(0, 0, 1, THIRD);
    static final ImageRegion BOTTOM_THIRD = new ImageRegion(0, 2 * THIRD, 1, THIRD);
    static final ImageRegion MIDDLE_THIRD = new ImageRegion(THIRD, 0, THIRD, 1);

    private static final Set<String> TOP = Set.of("top", "upper", "haut", "oben", "obere", "oberen", "arriba", "superior");
    private static final Set<String> BOTTOM = Set.of("bottom", "lower", "bas", "unten", "untere", "unteren", "abajo", "inferior");
    private static final Set<String> LEFT = Set.of("left", "gauche", "links", "linke", "linken", "izquierda", "izquierdo");
    private static final Set<String> RIGHT = Set.of("right", "droite", "rechts", "rechte", "rechten", "derecha", "derecho");
    private static final Set<String> CENTRE_WORDS = Set.of("centre", "center", "middle", "central", "centro",
            "milieu", "mitte");
    private static final Set<String> HALF_WORDS = Set.of("half", "side", "column", "edge", "part", "portion",
            "moitié", "hälfte", "seite", "ecke", "mitad", "lado", "esquina", "côté", "coin");

    private NamedRegions() {
    }

    /** The region the question names, or empty when it names none. */
    public static Optional<ImageRegion> named(String question) {
        List<String> words = QueryFeatures.words(question);
        boolean top = any(words, TOP);
        boolean bottom = any(words, BOTTOM);
        boolean left = any(words, LEFT);
        boolean right = any(words, RIGHT);
        boolean third = words.contains("third") || words.contains("tiers") || words.contains("drittel");
        boolean centre = any(words, CENTRE_WORDS);
        // Two opposite words ("top to bottom", "left and right") name no region.
        if (top && bottom) {
            top = bottom = false;
        }
        if (left && right) {
            left = right = false;
        }
        if ((top || bottom) && (left || right)) {
            return Optional.of(top ? (left ? TOP_LEFT : TOP_RIGHT) : (left ? BOTTOM_LEFT : BOTTOM_RIGHT));
        }
        if (third) {
            if (left) {
                return Optional.of(LEFT_THIRD);
            }
            if (right) {
                return Optional.of(RIGHT_THIRD);
            }
            if (top) {
                return Optional.of(TOP_THIRD);
            }
            if (bottom) {
                return Optional.of(BOTTOM_THIRD);
            }
            if (centre) {
                return Optional.of(MIDDLE_THIRD);
            }
        }
        if (left || right || top || bottom) {
            // "top" alone may be "on top of the table"; a side only when the question says half/side/corner...
            if (!any(words, HALF_WORDS) && !words.contains("corner") && !words.contains("area")
                    && !words.contains("region") && !words.contains("section") && !words.contains("strip")) {
                return Optional.empty();
            }
            return Optional.of(left ? LEFT_HALF : right ? RIGHT_HALF : top ? TOP_HALF : BOTTOM_HALF);
        }
        if (centre) {
            return Optional.of(CENTRE);
        }
        return Optional.empty();
    }

    private static boolean any(List<String> words, Set<String> vocabulary) {
        for (String word : words) {
            if (vocabulary.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
