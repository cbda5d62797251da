package io.headroom.internal.image.route;

import io.headroom.internal.image.ImageRegion;
import io.headroom.internal.image.ImageRoute;
import io.headroom.internal.image.ImageTechnique;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The router's fallback when the classifier is missing or unsure: keyword rules, checked in the order that keeps
 * the pixels a question needs (a named region first, then fine detail, then reading, then a region without a name, then a general question). A question no rule
 * recognises gets no answer here; the router then keeps the image as it is.
 */
public final class KeywordRules {
    private static final Pattern FINE_DETAIL = Pattern.compile(
            "\\b(exact(ly)?\\s+(colou?r|shade|hex|rgb|value|pixel)|pixel|pixels|fine detail|fine details|small text"
                    + "|tiny|smallest|serial number|hex code|rgb|count (the|every|all|how)|how many|texture"
                    + "|precise(ly)?|exact|sharp(ness)?|blurr?y|artifacts?|compression artifacts?|alignment"
                    + "|misaligned|off by one pixel|1px|subpixel|anti-?aliasing)\\b");
    private static final Pattern READING = Pattern.compile(
            "\\b(read|reads|reading|transcribe|transcription|ocr|what does (it|this|the \\w+) say|what do(es)? \\w+ say"
                    + "|extract (the |all )?(text|words|wording)|copy (the |all )?(text|words)|text (in|on|of) (it|this|the)"
                    + "|written|wording|spell(ed)? out|type out|quote the|lees|lire|lesen|transcri\\w*)\\b");
    private static final Pattern REGION_WITHOUT_NAME = Pattern.compile(
            "\\b(zoom|crop|focus on|close-?up|close in|enlarge|magnify|just the|only the|in the background"
                    + "|in the foreground|background|foreground)\\b");

    private static final Pattern GENERAL = Pattern.compile(
            "\\b(what is (this|that|it|shown|happening|going on)|what's (this|that|in|shown|happening)|describe|summari[sz]e"
                    + "|overview|what kind|what type|which (kind|type)|identify|caption|gist|general|overall|in general"
                    + "|what am i looking at|explain (this|the) (image|picture|photo|screenshot|chart|diagram)"
                    + "|is (this|it|there) an?|mood|style|theme|décri\\w*|beschreib\\w*|describ\\w*)\\b");

    private KeywordRules() {
    }

    /** The route the rules give for the question, or empty when no rule applies. */
    public static Optional<ImageRoute> route(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        Optional<ImageRegion> named = NamedRegions.named(question);
        if (named.isPresent()) {
            return Optional.of(new ImageRoute(ImageTechnique.CROP, named.get(), 1));
        }
        if (FINE_DETAIL.matcher(text).find()) {
            return Optional.of(new ImageRoute(ImageTechnique.PRESERVE, ImageRegion.WHOLE, 1));
        }
        if (READING.matcher(text).find()) {
            return Optional.of(new ImageRoute(ImageTechnique.TRANSCODE, ImageRegion.WHOLE, 1));
        }
        if (REGION_WITHOUT_NAME.matcher(text).find()) {
            // WHOLE: the image's content picks the region (BusiestRegion)
            return Optional.of(new ImageRoute(ImageTechnique.CROP, ImageRegion.WHOLE, 1));
        }
        if (GENERAL.matcher(text).find()) {
            return Optional.of(new ImageRoute(ImageTechnique.FULL_LOW, ImageRegion.WHOLE, 1));
        }
        return Optional.empty();
    }
}
