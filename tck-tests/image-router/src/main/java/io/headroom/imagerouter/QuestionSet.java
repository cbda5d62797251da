package io.headroom.imagerouter;

import io.headroom.imagerouter.QuestionSetGenerator.Labelled;
import io.headroom.internal.image.ImageTechnique;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The committed question set ({@code /image-router/questions.tsv} on the class path), read back. */
public final class QuestionSet {
    public static final String RESOURCE = "/image-router/questions.tsv";

    private QuestionSet() {
    }

    public static List<Labelled> shipped() throws IOException {
        try (InputStream in = QuestionSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static List<Labelled> parse(String tsv) {
        List<Labelled> questions = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 3);
            if (cells.length != 3) {
                throw new IllegalArgumentException("not technique<TAB>split<TAB>question: " + line);
            }
            questions.add(new Labelled(ImageTechnique.valueOf(cells[0].toUpperCase(Locale.ROOT)),
                    "test".equals(cells[1]), cells[2]));
        }
        return questions;
    }

    public static List<Labelled> train(List<Labelled> all) {
        return all.stream().filter(q -> !q.heldOut()).toList();
    }

    public static List<Labelled> heldOut(List<Labelled> all) {
        return all.stream().filter(Labelled::heldOut).toList();
    }
}
