package io.headroom.fidelity;

import io.headroom.fidelity.images.GeneratedImages;
import io.headroom.fidelity.images.GeneratedImages.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image benchmark's cases: every generated image ({@link GeneratedImages}, 512² to 4096²) with a question of each
 * technique it can be asked (reading questions only of images with text, and not of the 4096² ones, whose OCR
 * would dominate the build's time). The questions rotate through several wordings per technique, so the router is
 * measured on more than one phrasing.
 */
final class ImageCases {
    record ImageCase(GeneratedImages.Image image, String technique, String question) {
        String name() {
            return image.name() + "/" + technique;
        }
    }

    static final Map<String, List<String>> QUESTIONS = Map.of(
            "full_low", List.of("What is shown in this image?", "Describe this screenshot.",
                    "Give me a quick overview of this picture.", "What kind of image is this?",
                    "Summarize what this image is about.", "What am I looking at here?"),
            "preserve", List.of("How many bars are in the chart exactly?", "What is the exact hex colour of the header?",
                    "Count every icon in the toolbar precisely.", "Are there compression artifacts in the fine details?",
                    "What is the serial number printed in tiny text?", "Is the border misaligned by one pixel?"),
            "crop", List.of("What is in the top-left corner?", "What does the bottom right corner show?",
                    "Look at the left half: what is there?", "What is in the centre of the image?",
                    "What is on the right side of the picture?", "Describe the top half of the image."),
            "transcode", List.of("Transcribe the text in this document.", "Read the text in this screenshot.",
                    "What does the text say?", "Extract all the text from this image.",
                    "Please type out the words on this page.", "What is written here?"));

    static final List<String> TECHNIQUES = List.of("full_low", "preserve", "crop", "transcode");
    private static final int[] SIDES = {512, 1024, 1536, 2048};
    static final int LARGEST = 4096;

    private ImageCases() {
    }

    static List<ImageCase> all() {
        List<GeneratedImages.Image> images = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int side : SIDES) {
                images.add(GeneratedImages.generate(kind, side));
            }
        }
        images.add(GeneratedImages.generate(Kind.SCREENSHOT, LARGEST));
        images.add(GeneratedImages.generate(Kind.PHOTO, LARGEST));
        List<ImageCase> cases = new ArrayList<>();
        for (int n = 0; n < images.size(); n++) {
            GeneratedImages.Image image = images.get(n);
            for (String technique : TECHNIQUES) {
                if (technique.equals("transcode") && (image.text().isEmpty() || image.side() == LARGEST
                        || image.kind() == Kind.CHART)) {
                    continue;
                }
                List<String> wordings = QUESTIONS.get(technique);
                cases.add(new ImageCase(image, technique, wordings.get(n % wordings.size())));
            }
        }
        return cases;
    }
}
