package io.headroom.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.HeadroomConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning replay benchmark (issue 18): the same scripted 200-turn session with learning on and off. With
 * learning, the model has to ask at most half as often in the last 50 turns as in the first 50, at request
 * savings within 5 points of learning off, and every needle is answered; without learning the figures do not
 * move. Counts only, never times.
 */
class LearningReplayTest {
    static final long SEED = 18;
    private static ReplaySession.Run on;
    private static ReplaySession.Run off;

    @BeforeAll
    static void replay() throws IOException {
        on = ReplaySession.run("learning on", HeadroomConfig.defaults(), SEED);
        off = ReplaySession.run("learning off", HeadroomConfig.builder().learning(l -> l.enabled(false)).build(), SEED);
        String table = ReplayReport.table(on, off);
        Path dir = Path.of("target", "replay");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("learning.md"), table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    @Test
    void theModelAsksAtMostHalfAsOftenInTheLast50Turns() {
        double first = on.first().roundsPerTurn();
        double last = on.last().roundsPerTurn();
        assertTrue(first > 0.5, "the session must need retrievals at first: " + first);
        assertTrue(last <= first / 2, "rounds per turn, first 50 " + first + ", last 50 " + last);
        assertTrue(on.learning().hintApplications() > 0, "hints applied: " + on.learning());
    }

    @Test
    void savingsStayWithinFivePointsOfLearningOff() {
        double withLearning = on.last().requestSavings();
        double without = off.last().requestSavings();
        assertTrue(Math.abs(withLearning - without) <= 0.05,
                String.format(Locale.ROOT, "savings last 50: on %.3f, off %.3f", withLearning, without));
    }

    @Test
    void everyNeedleIsAnsweredWithAndWithoutLearning() {
        for (ReplaySession.Run run : new ReplaySession.Run[] {on, off}) {
            for (ReplaySession.Turn t : run.turns()) {
                assertTrue(t.answered(), run.label() + " turn " + t.index() + " (" + t.tool() + ") answered "
                        + t.needlesAnswered() + "/" + t.needles());
            }
        }
    }

    @Test
    void withoutLearningTheFiguresDoNotMove() {
        double first = off.first().roundsPerTurn();
        double last = off.last().roundsPerTurn();
        assertTrue(last > first * 0.75 && last < first * 1.25, "learning off, rounds first " + first + ", last " + last);
        assertEquals(0, off.learning().feedbackEvents(), "learning off records nothing");
    }

    @Test
    void simulateSaysWhichDecisionsCameFromLearnedHints() {
        assertEquals(1, on.nextTicketsPlan().learnedHints().size(), on.nextTicketsPlan().learnedHints().toString());
        assertTrue(on.nextTicketsPlan().learnedHints().get(0).startsWith("search_tickets (signature "));
        assertTrue(on.nextTicketsPlan().learnedHints().get(0).contains("keeps component=billing"));
        assertTrue(on.nextTicketsPlan().toJson().get("learned_hints").isArray());
        assertEquals(java.util.List.of(), off.nextTicketsPlan().learnedHints());
    }

    @Test
    void coldStartIsByteIdenticalToLearningOff() {
        // no signature is confident within the first 50 turns (fewer than 30 observations each)
        for (int t = 0; t < ReplaySession.WINDOW; t++) {
            assertEquals(off.turns().get(t).compressedOutput(), on.turns().get(t).compressedOutput(), "turn " + t);
        }
    }
}
