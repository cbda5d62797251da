package io.headroom.internal.image;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A keyword router: the default until a trained one is plugged in, and its fallback. Checked in order: a question
 * about fine details keeps the pixels ({@code preserve}); one about reading text asks for the text
 * ({@code transcode}); one naming a region crops to it; any other question about the image gets the whole image at
 * low resolution ({@code full_low}). No question at all keeps the pixels.
 */
public final class RulesImageQueryRouter implements ImageQueryRouter {
    private static final Pattern FINE_DETAIL = Pattern.compile(
            "\\b(count|how many|serial|fine print|tiny|small text|exact(ly)?|precise(ly)?|pixel|zoom|"
                    + "every (detail|word|number)|license plate|barcode|qr code)\\b");
    private static final Pattern READ_TEXT = Pattern.compile(
            "\\b(read|transcribe|transcription|ocr|extract (the )?(text|words)|copy (the )?text|"
                    + "what does (it|the \\w+) say|what is written|text (in|on|of) (the|this) (image|screenshot|page|document))\\b");

    private record Region(Pattern words, ImageRegion region) {
    }

    // corners before halves: "top left" must not read as "left"
    private static final List<Region> REGIONS = List.of(
            region("top[- ]left", 0, 0, 0.5, 0.5), region("top[- ]right", 0.5, 0, 0.5, 0.5),
            region("bottom[- ]left", 0, 0.5, 0.5, 0.5), region("bottom[- ]right", 0.5, 0.5, 0.5, 0.5),
            region("(left half|left side|on the left)", 0, 0, 0.5, 1),
            region("(right half|right side|on the right)", 0.5, 0, 0.5, 1),
            region("(top half|upper half|at the top|top of the)", 0, 0, 1, 0.5),
            region("(bottom half|lower half|at the bottom|bottom of the)", 0, 0.5, 1, 0.5),
            region("(center|centre|middle)", 0.25, 0.25, 0.5, 0.5));

    private static Region region(String words, double x, double y, double w, double h) {
        return new Region(Pattern.compile("\\b" + words + "\\b"), new ImageRegion(x, y, w, h));
    }

    @Override
    public ImageRoute route(String question) {
        if (question == null || question.isBlank()) {
            return ImageRoute.preserve();
        }
        String q = question.toLowerCase(Locale.ROOT);
        if (FINE_DETAIL.matcher(q).find()) {
            return ImageRoute.preserve();
        }
        if (READ_TEXT.matcher(q).find()) {
            return new ImageRoute(ImageTechnique.TRANSCODE, ImageRegion.WHOLE, 1);
        }
        for (Region r : REGIONS) {
            if (r.words.matcher(q).find()) {
                return new ImageRoute(ImageTechnique.CROP, r.region, 1);
            }
        }
        return new ImageRoute(ImageTechnique.FULL_LOW, ImageRegion.WHOLE, 1);
    }
}
