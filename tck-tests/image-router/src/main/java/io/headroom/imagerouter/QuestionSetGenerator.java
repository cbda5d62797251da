package io.headroom.imagerouter;

import io.headroom.internal.image.ImageTechnique;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the labelled question set the image router is trained and measured on: for each technique, phrasing
 * frames (terse agent prompts, user questions, polite requests, a few in French, German and Spanish) filled
 * with subjects, then a fixed seeded sample per technique and a held-out split of whole phrasing frames,
 * {@value #HELD_OUT_PERCENT}%. Same seed, same file: {@code QuestionSetTest} regenerates it and compares.
 *
 * <p>Run: {@code java -cp tck-tests/image-router/target/classes:headroom-filter/headroom-core/target/classes
 * io.headroom.imagerouter.QuestionSetGenerator tck-tests/image-router/src/main/resources/image-router/questions.tsv}
 */
public final class QuestionSetGenerator {
    public static final long SEED = 19;
    public static final int PER_TECHNIQUE = 130;
    public static final int HELD_OUT_PERCENT = 20;

    private static final List<String> SUBJECTS = List.of("image", "picture", "photo", "screenshot", "chart",
            "diagram", "slide", "scene", "page", "drawing", "map", "UI");
    private static final List<String> DOCUMENTS = List.of("the sign", "this document", "the receipt",
            "the error message", "the menu", "the slide", "this page", "the whiteboard", "the label",
            "the terminal output", "the email", "the invoice", "the form", "the letter", "the code on screen",
            "the poster", "the dialog box", "the table", "the handwritten note", "the banner");
    private static final List<String> REGIONS = List.of("top-left corner", "top right corner",
            "bottom-left corner", "bottom right corner", "left half", "right half", "top half", "bottom half",
            "centre", "center", "middle", "left third", "right third", "upper left", "lower right",
            "left side", "right side", "upper half", "lower half", "top strip");
    private static final List<String> THINGS = List.of("the logo", "the button", "the icon", "the legend",
            "the person", "the car", "the clock", "the toolbar", "the dog", "the avatar", "the plant",
            "the notification badge", "the window", "the chart's axis", "the price tag");
    private static final List<String> COUNTABLES = List.of("the screws", "the whiskers", "the stars",
            "the birds", "the pills", "the dots", "the tick marks", "the leaves", "the cells in the grid",
            "the people", "the bolts", "the windows on the building", "the rivets", "the stitches");
    private static final List<String> UI_PARTS = List.of("the button", "the header", "the border", "the icon",
            "the link", "the divider", "the focus ring", "the background", "the chart line", "the badge");

    private static final List<String> FULL_LOW = List.of(
            "What is this {s}?", "Describe this {s}.", "what's in the {s}", "Give me a quick summary of the {s}.",
            "What is the {s} about?", "Is this {s} indoors or outdoors?", "What kind of {s} is this?",
            "describe {s}", "summarize {s}", "What's the overall mood of this {s}?",
            "Can you tell me what's going on in this {s}?", "Is there a person in this {s}?",
            "Roughly what colours dominate the {s}?", "What is the general layout of the {s}?",
            "Does this {s} look like a dashboard or a form?", "classify this {s}", "caption the {s}",
            "What style is this {s} drawn in?", "What is the main subject of the {s}?", "tl;dr of the {s}",
            "Is the trend in this {s} going up or down?", "Who is the audience for this {s}?",
            "What am I looking at in this {s}?", "Explain the {s} in one sentence.", "Is this {s} a photo or a render?",
            "Did the page load or is this {s} an error screen?", "What animal is in the {s}?",
            "Is it day or night in this {s}?", "Give a one-line description of the {s}.", "What's happening here?",
            "Is this {s} safe for work?", "What objects are in the {s}?", "Which app is shown in this {s}?",
            "Is the {s} mostly empty or busy?", "Tell me about this {s}.", "what does the {s} show overall",
            "Décris cette image.", "Qu'est-ce que c'est ?", "Was zeigt dieses Bild?", "Beschreibe den Screenshot.",
            "¿Qué es esta imagen?", "¿Qué muestra la foto?", "Is the weather sunny in the {s}?",
            "What brand of car is this, roughly?", "Does the {s} look professional?");
    private static final List<String> PRESERVE = List.of(
            "Count {c}.", "How many {c} are there exactly?", "count {c} precisely",
            "What is the exact hex colour of {u}?", "What exact RGB value is {u}?", "Is {u} misaligned by a pixel?",
            "Check whether {u} is 1px or 2px wide.", "What is the exact shade of blue used in {u}?",
            "Are there compression artifacts around {u}?", "Is the small text under {u} blurry?",
            "Measure the width of {u} in pixels.", "Does {u} have a one-pixel shadow?",
            "Inspect the fine texture of the fabric.", "Is there a hairline crack in the glass?",
            "Spot the tiny difference between the two icons.", "Find the smallest defect on the circuit board.",
            "Look at every fine detail of {u} and list anomalies.", "Is the QR code sharp enough to scan?",
            "Check the exact position of the cursor.", "Identify the bird species from its feather pattern.",
            "Are the edges of {u} anti-aliased?", "pixel-perfect check of {u}", "exact colour of {u}?",
            "Compare the fine details of the two signatures.", "Is there a stray pixel near {u}?",
            "How many {c} can you see? I need the exact number.", "Examine the brush strokes closely.",
            "Check the subpixel rendering of the font.", "Is {u} off by one pixel from the grid?",
            "Are the tiny tick marks evenly spaced?", "What is the exact value of the smallest bar?",
            "Zähle die Schrauben genau.", "Cuenta los tornillos exactamente.", "Quelle est la couleur exacte du bouton ?",
            "Is the mole's border irregular? Look closely.", "Inspect the weld seam for microscopic flaws.",
            "Is the fine print on the contract legible at full resolution?", "Are the pixels of {u} dithered?");
    private static final List<String> CROP = List.of(
            "What is in the {r}?", "Focus on the {r} and tell me what's there.", "Zoom into the {r}.",
            "crop to the {r}", "What is {t} in the {r}?", "Look only at the {r}: what is it?",
            "Describe the {r} of the image.", "Zoom in on {t}.", "What colour is {t} in the {r}?",
            "agent: crop {r}", "Whats going on in the {r}", "What's that thing in the {r}?",
            "Tell me about the object in the {r}.", "Just the {r}, please: what's there?",
            "Enlarge the {r} and describe it.", "Focus on {t}.", "Close-up of {t}: what is it?",
            "What's in the background?", "What is in the foreground?", "Focus on the background scenery.",
            "Magnify {t} and describe it.", "Is {t} in the {r} red or green?", "Who is standing in the {r}?",
            "What does {t} look like up close?", "Only look at {t}.", "crop {t}",
            "¿Qué hay en la esquina superior izquierda?", "Zoome auf die rechte Hälfte.",
            "Qu'y a-t-il dans le coin en bas à droite ?", "Was ist oben links zu sehen?",
            "Concéntrate en la mitad izquierda.", "Focus on the person on the right side.",
            "What's sitting in the {r} of the screenshot?", "Check the {r} for {t}.");
    private static final List<String> TRANSCODE = List.of(
            "Read {d}.", "Transcribe {d}.", "What does {d} say?", "Extract the text from {d}.", "ocr {d}",
            "Copy the text in {d}.", "Type out {d} word for word.", "What's written on {d}?",
            "Give me the text of {d} as plain text.", "Convert {d} to text.", "What is the wording of {d}?",
            "Please transcribe everything written in {d}.", "Can you read out {d} for me?",
            "Pull the text out of {d}.", "dump the text of {d}", "Quote the first paragraph of {d}.",
            "What is the total on the receipt?", "What's the title of the slide?", "List the menu items and prices.",
            "What error does the terminal show?", "read it", "transcribe", "extract text",
            "What do the words on {d} say?", "Spell out what {d} says.", "Give me {d} in markdown text.",
            "What is the phone number on {d}?", "What date is written on {d}?",
            "Lee el texto de la imagen.", "Transcris ce document.", "Lies den Text auf dem Schild vor.",
            "¿Qué dice el letrero?", "Que dit le panneau ?", "Was steht auf dem Zettel?",
            "Turn {d} into text I can paste.", "Read me the headline.", "What's the exception in the stack trace?");

    private QuestionSetGenerator() {
    }

    /** One labelled question. */
    public record Labelled(ImageTechnique technique, boolean heldOut, String question) {
        String tsvRow() {
            return technique.name().toLowerCase(java.util.Locale.ROOT) + '\t' + (heldOut ? "test" : "train") + '\t'
                    + question;
        }
    }

    public static List<Labelled> generate() {
        Random random = new Random(SEED);
        List<Labelled> all = new ArrayList<>();
        all.addAll(sample(ImageTechnique.FULL_LOW, expand(FULL_LOW), random));
        all.addAll(sample(ImageTechnique.PRESERVE, expand(PRESERVE), random));
        all.addAll(sample(ImageTechnique.CROP, expand(CROP), random));
        all.addAll(sample(ImageTechnique.TRANSCODE, expand(TRANSCODE), random));
        return all;
    }

    public static String tsv(List<Labelled> questions) {
        StringBuilder out = new StringBuilder("# technique\tsplit\tquestion — written by QuestionSetGenerator (seed ")
                .append(SEED).append("); do not edit by hand\n");
        for (Labelled labelled : questions) {
            out.append(labelled.tsvRow()).append('\n');
        }
        return out.toString();
    }

    /** Per frame: every filling of its placeholders, each also in a polite and a chatty style. */
    private static List<List<String>> expand(List<String> frames) {
        List<List<String>> families = new ArrayList<>();
        for (String frame : frames) {
            Set<String> questions = new LinkedHashSet<>();
            for (String filled : fill(frame)) {
                questions.add(filled);
                questions.add("Please, " + lowerFirst(filled));
                questions.add("Hey — " + lowerFirst(filled) + " Thanks!");
            }
            families.add(new ArrayList<>(questions));
        }
        return families;
    }

    private static List<String> fill(String frame) {
        List<String> out = new ArrayList<>(List.of(frame));
        out = substitute(out, "{s}", SUBJECTS);
        out = substitute(out, "{d}", DOCUMENTS);
        out = substitute(out, "{r}", REGIONS);
        out = substitute(out, "{t}", THINGS);
        out = substitute(out, "{c}", COUNTABLES);
        out = substitute(out, "{u}", UI_PARTS);
        return out;
    }

    private static List<String> substitute(List<String> frames, String placeholder, List<String> fillers) {
        List<String> out = new ArrayList<>();
        for (String frame : frames) {
            if (!frame.contains(placeholder)) {
                out.add(frame);
                continue;
            }
            for (String filler : fillers) {
                out.add(frame.replace(placeholder, filler));
            }
        }
        return out;
    }

    /**
     * A seeded sample: the frames are shuffled and {@value #HELD_OUT_PERCENT}% of them are held out whole, so the
     * held-out questions are phrasings the classifier never saw (only the fillers may recur); each split is drawn
     * round-robin over its frames, so every phrasing is represented whatever its number of fillings.
     */
    private static List<Labelled> sample(ImageTechnique technique, List<List<String>> families, Random random) {
        List<List<String>> shuffledFamilies = new ArrayList<>();
        for (List<String> family : families) {
            List<String> shuffled = new ArrayList<>(family);
            Collections.shuffle(shuffled, random);
            shuffledFamilies.add(shuffled);
        }
        Collections.shuffle(shuffledFamilies, random);
        int heldOutFrames = Math.max(1, shuffledFamilies.size() * HELD_OUT_PERCENT / 100);
        int heldOutQuestions = PER_TECHNIQUE * HELD_OUT_PERCENT / 100;
        List<Labelled> out = new ArrayList<>();
        for (String question : roundRobin(shuffledFamilies.subList(0, heldOutFrames), heldOutQuestions)) {
            out.add(new Labelled(technique, true, question));
        }
        List<List<String>> trainFrames = shuffledFamilies.subList(heldOutFrames, shuffledFamilies.size());
        for (String question : roundRobin(trainFrames, PER_TECHNIQUE - heldOutQuestions)) {
            out.add(new Labelled(technique, false, question));
        }
        return out;
    }

    private static List<String> roundRobin(List<List<String>> families, int count) {
        Set<String> picked = new LinkedHashSet<>();
        for (int round = 0; picked.size() < count; round++) {
            boolean any = false;
            for (List<String> family : families) {
                if (round < family.size() && picked.size() < count) {
                    picked.add(family.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return new ArrayList<>(picked);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: QuestionSetGenerator <questions.tsv>");
            System.exit(2);
        }
        List<Labelled> questions = generate();
        Files.writeString(Path.of(args[0]), tsv(questions), StandardCharsets.UTF_8);
        System.out.println("wrote " + questions.size() + " questions to " + args[0]);
    }
}
