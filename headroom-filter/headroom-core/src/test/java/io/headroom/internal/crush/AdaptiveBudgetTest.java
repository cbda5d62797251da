package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces of adaptive K: Kneedle, SimHash, shapes, the coverage curve, compressibility and K itself. */
class AdaptiveBudgetTest {

    // ---- Kneedle -----------------------------------------------------------------------------------------

    @Test
    void kneeOfASaturatingCurveIsWhereItFlattens() {
        double[] curve = new double[101];
        for (int x = 0; x <= 100; x++) curve[x] = Math.min(x, 10) * 10; // +10 per item up to 10 items, then flat
        assertEquals(10, Kneedle.knee(curve));
    }

    @Test
    void kneeOfAnExponentialSaturationIsEarly() {
        double[] curve = new double[201];
        for (int x = 0; x <= 200; x++) curve[x] = 1000 * (1 - Math.exp(-x / 20.0));
        int knee = Kneedle.knee(curve);
        // the analytic knee of 1 - e^(-x/20) on [0, 200] is at x = 20 ln(200/20) ≈ 46
        assertTrue(knee >= 40 && knee <= 52, "knee " + knee);
    }

    @Test
    void straightFlatAndTinyCurvesHaveNoKnee() {
        double[] line = new double[50];
        for (int x = 0; x < 50; x++) line[x] = 3 * x;
        assertEquals(-1, Kneedle.knee(line));
        assertEquals(-1, Kneedle.knee(new double[] {5, 5, 5, 5, 5}));
        assertEquals(-1, Kneedle.knee(new double[] {0, 1}));
        double[] almostLine = new double[100];
        for (int x = 0; x < 100; x++) almostLine[x] = x + Math.sin(x) * 0.5;
        assertEquals(-1, Kneedle.knee(almostLine), "wiggles below the minimum deviation are not a knee");
    }

    // ---- SimHash -----------------------------------------------------------------------------------------

    @Test
    void simHashBitsAreTheMajorityVoteOfTheFeatures() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        for (int round = 0; round < 300; round++) {
            long[] words = new long[rnd.nextInt(1, 200)];
            for (int i = 0; i < words.length; i++) words[i] = rnd.nextLong();
            // the features by definition: every word, and every bigram of neighbouring words
            List<Long> features = new ArrayList<>();
            features.add(words[0]);
            for (int i = 1; i < words.length; i++) {
                features.add(words[i]);
                features.add(Words.mix(words[i - 1] * 31 + words[i]));
            }
            long expected = 0;
            for (int bit = 0; bit < 64; bit++) {
                int ones = 0;
                for (long f : features) ones += (int) ((f >>> bit) & 1);
                if (2 * ones > features.size()) expected |= 1L << bit;
            }
            assertEquals(expected, SimHash.of(words), "round " + round);
        }
    }

    @Test
    void simHashPutsNearDuplicatesWithinThreeBitsAndDifferentTextsFarApart() {
        Random rnd = new Random(7);
        String a = words(rnd, 150);
        String b = a.replaceFirst("\\S+$", "zzzchanged"); // last word changed
        String c = words(new Random(99), 150);
        assertEquals(0, SimHash.distance(SimHash.of(a), SimHash.of(a)));
        assertTrue(SimHash.nearDuplicates(SimHash.of(a), SimHash.of(b)),
                "one word in 150 changed: distance " + SimHash.distance(SimHash.of(a), SimHash.of(b)));
        assertTrue(SimHash.distance(SimHash.of(a), SimHash.of(c)) > 10,
                "unrelated texts: distance " + SimHash.distance(SimHash.of(a), SimHash.of(c)));
    }

    @Test
    void shapeTextMasksIdsCountersAndTimestampsButKeepsWords() {
        assertEquals("req-# took #ms at #-#-#T#:#:#Z", ShapeText.of("req-6b89bc730876 took 41ms at 2026-03-14T09:00:03Z"));
        assertEquals("src/Service#.java X# # shard # deadbeef", ShapeText.of("src/Service12.java X2987 E2987 shard 4 deadbeef"),
                "hex-looking runs with a digit vanish whole, other runs keep their letters");
        assertEquals("plain words stay", ShapeText.of("plain words stay"));
    }

    @Test
    void shapeHashesAreEqualExactlyForEqualShapes() {
        ShapeText.Hasher hasher = new ShapeText.Hasher();
        assertEquals(hasher.hash("req-6b89bc730876 took 41ms"), hasher.hash("req-2191899181eb took 7ms"));
        java.util.Map<Long, String> seen = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(11);
        String alphabet = "ab9 -Zx";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String shape = ShapeText.of(sb.toString());
            String earlier = seen.putIfAbsent(hasher.hash(sb.toString()), shape);
            if (earlier != null) assertEquals(earlier, shape, "one hash, one shape");
        }
        assertTrue(seen.size() > 10_000, "many distinct shapes were compared: " + seen.size());
    }

    // ---- coverage curve and K ----------------------------------------------------------------------------

    @Test
    void coverageCurvePicksTheMostNovelItemFirstAndDuplicatesAddNothing() {
        double[] curve = AdaptiveBudget.coverageCurve(List.of("a b", "a b c d e f", "x y"), 5);
        assertEquals(0, curve[0]);
        assertEquals(5, curve[1], "the five-bigram item is picked first");
        assertEquals(6, curve[2]);
        assertEquals(6, curve[3], "'a b' is already covered");
        assertEquals(6, curve[5], "near-duplicates beyond the representatives add nothing");
    }

    @Test
    void kneeWithoutTheCurveIsKneedleOnTheWholeCurve() {
        // Random arrays from small vocabularies (much overlap, so gains fall at different speeds), plus
        // heavy duplication: the early-stopping greedy must find the knee Kneedle finds on the full curve.
        Random rnd = new Random(5);
        int checked = 0;
        int withKnee = 0;
        for (int round = 0; round < 400; round++) {
            int vocabulary = 5 + rnd.nextInt(60);
            int reps = 2 + rnd.nextInt(60);
            int n = reps + rnd.nextInt(200);
            List<String> texts = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                StringBuilder sb = new StringBuilder();
                int len = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 40);
                for (int w = 0; w < len; w++) sb.append('w').append(rnd.nextInt(vocabulary)).append(' ');
                texts.add(sb.toString());
            }
            List<long[]> words = new ArrayList<>();
            for (String t : texts) words.add(Words.hashes(t));
            int expected = Kneedle.knee(AdaptiveBudget.coverageCurve(texts, n));
            assertEquals(expected, AdaptiveBudget.knee(words, n), "round " + round);
            // stopping at 'enough' picks never changes the information size up to 'enough'
            int enough = 1 + rnd.nextInt(25);
            int limited = AdaptiveBudget.knee(words, n, enough);
            assertEquals(Math.min(expected > 0 ? expected : reps, enough), Math.min(limited > 0 ? limited : reps, enough),
                    "round " + round + " enough " + enough);
            checked++;
            if (expected > 0) withKnee++;
        }
        assertEquals(400, checked);
        assertTrue(withKnee > 100, "the rounds must exercise real knees, not only straight lines: " + withKnee);
    }

    @Test
    void repetitiveArraysGetTheFloorAndDiverseArraysTheCap() {
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            logs.add("timestamp 2026-03-14T09:" + (i / 60) + ":" + (i % 60) + "Z level INFO service "
                    + List.of("auth", "billing", "search").get(i % 3) + " message Request completed request_id req-"
                    + Integer.toHexString(0x100000 + i * 7919) + " latency_ms " + (20 + i % 40) + " status 200");
        }
        AdaptiveBudget.Sizing repetitive = AdaptiveBudget.size(logs, 6, 15);
        assertTrue(repetitive.clusters() <= 3, "at most one pattern per service (one-word differences may merge)");
        assertEquals(6, repetitive.k());

        Random rnd = new Random(3);
        List<String> prose = new ArrayList<>();
        for (int i = 0; i < 500; i++) prose.add("title " + words(rnd, 4) + " snippet " + words(rnd, 30));
        AdaptiveBudget.Sizing diverse = AdaptiveBudget.size(prose, 6, 15);
        assertEquals(500, diverse.clusters());
        assertEquals(15, diverse.k());
        assertTrue(diverse.deflateRatio() > 2 * repetitive.deflateRatio(),
                repetitive.deflateRatio() + " vs " + diverse.deflateRatio());
    }

    @Test
    void kFollowsTheNumberOfPatternsBetweenFloorAndCap() {
        List<String> items = new ArrayList<>();
        String[] templates = new String[10];
        Random rnd = new Random(11);
        for (int t = 0; t < templates.length; t++) templates[t] = words(rnd, 12);
        for (int i = 0; i < 400; i++) items.add(templates[i % 10] + " item " + i);
        AdaptiveBudget.Sizing s = AdaptiveBudget.size(items, 6, 50);
        assertEquals(10, s.clusters());
        assertTrue(s.k() >= 8 && s.k() <= 15, "k " + s.k() + " for 10 patterns, ratio " + s.deflateRatio());
        assertEquals(3, AdaptiveBudget.size(items.subList(0, 3), 6, 50).k(), "tiny arrays are kept whole");
    }

    private static String words(Random rnd, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(' ');
            int len = 3 + rnd.nextInt(6);
            for (int j = 0; j < len; j++) sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }
}
