package io.headroom.internal.relevance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25Test {

    @Test
    void splitsIdentifiersOnCaseChangesAndSeparators() {
        assertEquals(List.of("csrf", "token", "valid", "java"), Bm25.tokenize("CsrfTokenValidator.java"));
        assertEquals(List.of("src", "main", "http", "serv", "config"), Bm25.tokenize("src/main/HTTPServer_config"));
        assertEquals(List.of("servic", "12"), Bm25.tokenize("Service12"));
        assertEquals(List.of("10am", "5662ms"), Bm25.tokenize("10am 5662ms"));
    }

    @Test
    void stemsInflectionsAndDerivationsTogether() {
        assertEquals(Bm25.tokenize("token"), Bm25.tokenize("tokens"));
        List<String> valid = Bm25.tokenize("validate");
        for (String w : List.of("validates", "validator", "validation", "validated", "validating", "validators")) {
            assertEquals(valid, Bm25.tokenize(w), w);
        }
        assertEquals(Bm25.tokenize("rate"), Bm25.tokenize("rates"));
    }

    @Test
    void dropsStopWordsAndSingleCharacters() {
        assertEquals(List.of("fil"), Bm25.tokenize("Which file is the a"));
        assertTrue(Bm25.tokenize("a b c of to").isEmpty());
        assertTrue(Bm25.tokenize(null).isEmpty());
    }

    @Test
    void ranksTheMatchingDocumentFirstAndScoresNonMatchesZero() {
        Bm25 bm25 = Bm25.index(List.of(
                "src/main/java/com/acme/web/Controller2.java",
                "src/main/java/com/acme/security/CsrfTokenValidator.java",
                "src/main/java/com/acme/user/Repository3.java",
                "docs/readme.md"));
        double[] scores = bm25.scores("Which file validates CSRF tokens?");
        assertEquals(4, scores.length);
        assertTrue(scores[1] > 0);
        assertEquals(0.0, scores[0]);
        assertEquals(0.0, scores[2]);
        assertEquals(0.0, scores[3]);
    }

    @Test
    void rareTermsOutweighCommonOnes() {
        Bm25 bm25 = Bm25.index(List.of("request completed ok", "request completed ok", "request completed ok",
                "request failed timeout"));
        double[] scores = bm25.scores("request timeout");
        assertTrue(scores[3] > 3 * scores[0], "timeout is rare and should dominate");
        assertTrue(scores[0] > 0, "a shared term still scores above zero");
    }

    @Test
    void longerDocumentsAreNormalised() {
        Bm25 bm25 = Bm25.index(List.of("jwt limiter", "jwt limiter plus many other unrelated words about python packaging"));
        double[] scores = bm25.scores("jwt");
        assertTrue(scores[0] > scores[1]);
    }

    @Test
    void blankQueryOrEmptyIndexScoresNothing() {
        Bm25 bm25 = Bm25.index(List.of("alpha beta", "gamma"));
        assertArrayEquals(new double[] {0, 0}, bm25.scores("  "));
        assertArrayEquals(new double[] {0, 0}, bm25.scores(null));
        assertEquals(0, Bm25.index(List.of()).scores("alpha").length);
    }

    @Test
    void scoringWithoutAnIndexGivesTheIndexScoresExactly() {
        List<String> docs = List.of(
                "id 17 title Rate limiting middleware status active",
                "The CsrfTokenValidator rejects tokens with HTTPServer errors",
                "user_name alice role admin Übergröße ÉCOLE naïve",
                "these those there where which: should please validation validated",
                "connection timeout retries 5662ms Service12 services serviced",
                "",
                "a b c of to",
                "Rates rate RATES rating ratings timeouts Timeout");
        for (String query : List.of("Which service timed out and why?", "rate limiting", "CSRF token validation",
                "übergröße école", "timeouts of the services", "the a of", "zzz qqq", "ratings")) {
            assertArrayEquals(Bm25.index(docs).scores(query), Bm25.scores(docs, query), query);
        }
        assertArrayEquals(new double[docs.size()], Bm25.scores(docs, null));
        assertArrayEquals(new double[0], Bm25.scores(List.of(), "rate"));
    }

    @Test
    void inPlaceScoringMatchesTheIndexOnRandomInflectedText() {
        // inflections the stemmer folds ("-ies" -> "-y", "-ation", "-s"), stop words, case and camelCase
        String[] words = {"policy", "policies", "Policies", "reply", "replies", "validation", "validated", "Validates",
                "token", "tokens", "csrfToken", "HTTPServer", "server", "servers", "running", "runner", "class",
                "classes", "box", "boxes", "the", "of", "and", "which", "Where", "timeout", "timeouts", "id", "ID7",
                "e2987", "5662ms", "ratings", "rate", "über", "Über", "naïve", "is", "be", "stories", "story"};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(23);
        List<String> docs = new java.util.ArrayList<>();
        for (int d = 0; d < 200; d++) {
            StringBuilder sb = new StringBuilder();
            for (int w = rnd.nextInt(25); w > 0; w--) sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextBoolean() ? " " : ", ");
            docs.add(sb.toString());
        }
        Bm25 index = Bm25.index(docs);
        for (int q = 0; q < 60; q++) {
            StringBuilder query = new StringBuilder();
            for (int w = 1 + rnd.nextInt(5); w > 0; w--) query.append(words[rnd.nextInt(words.length)]).append(' ');
            assertArrayEquals(index.scores(query.toString()), Bm25.scores(docs, query.toString()), query.toString());
        }
    }

    /** Documents fed as parts (recurring names counted once, numbers without their text) score as their text. */
    @Test
    void scoringPartByPartGivesTheScoresOfTheWholeText() {
        String[] names = {"request_id", "status", "errorCode", "latency_ms", "service"};
        String[] values = {"timeout on request", "ok", "Service12 failed", "req-7f3a", "E2987 retries"};
        long[] numbers = {0, 7, -7, 10, -10, 500, 404, 123456, Long.MIN_VALUE, Long.MAX_VALUE};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(41);
        for (String query : List.of("why did the request time out", "status 500 errors", "404s and 500",
                "error code 10am", "latency of 123456")) {
            List<String> docs = new java.util.ArrayList<>();
            List<List<Object>> parts = new java.util.ArrayList<>();
            for (int d = 0; d < 150; d++) {
                StringBuilder text = new StringBuilder();
                List<Object> p = new java.util.ArrayList<>();
                for (int f = rnd.nextInt(6); f > 0; f--) {
                    String name = names[rnd.nextInt(names.length)];
                    Object value = rnd.nextBoolean() ? values[rnd.nextInt(values.length)] : (Object) numbers[rnd.nextInt(numbers.length)];
                    text.append(name).append(' ').append(value).append(' ');
                    p.add(new String[] {name});
                    p.add(value);
                }
                docs.add(text.toString());
                parts.add(p);
            }
            Bm25.Scorer scorer = Bm25.Scorer.of(query, docs.size());
            java.util.Map<String, Bm25.Part> counted = new java.util.HashMap<>();
            for (int d = 0; d < docs.size(); d++) {
                scorer.document(d);
                for (Object part : parts.get(d)) {
                    if (part instanceof String[] name) scorer.add(counted.computeIfAbsent(name[0], scorer::part));
                    else if (part instanceof Long number) scorer.number(number);
                    else scorer.text((String) part);
                }
            }
            assertArrayEquals(Bm25.scores(docs, query), scorer.scores(), query);
        }
    }
}
