package io.headroom.internal.relevance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over a fixed set of short documents (tool-output items), immutable once indexed and therefore
 * safe to share between threads.
 *
 * <p>Tokenization is tuned for tool output rather than prose: identifiers are split on camelCase,
 * snake_case, path separators and letter/digit boundaries, so a query word like "csrf" finds
 * {@code CsrfTokenValidator.java}.
 */
public final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
            "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that",
            "these", "those", "there", "here", "which", "what", "who", "whom", "whose", "how", "why", "when", "where",
            "do", "does", "did", "done", "has", "have", "had", "can", "could", "should", "would", "will", "shall",
            "may", "might", "must", "me", "my", "mine", "we", "our", "us", "you", "your", "he", "she", "his", "her",
            "they", "them", "their", "not", "no", "yes", "if", "then", "than", "so", "all", "any", "some", "each",
            "please", "give", "show", "tell", "find", "list", "let", "get", "also", "just", "only", "very");

    private final List<Map<String, Integer>> termFrequencies;
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency;
    private final double averageLength;

    private Bm25(List<Map<String, Integer>> termFrequencies, int[] lengths, Map<String, Integer> documentFrequency) {
        this.termFrequencies = termFrequencies;
        this.lengths = lengths;
        this.documentFrequency = documentFrequency;
        long total = 0;
        for (int len : lengths) total += len;
        this.averageLength = lengths.length == 0 ? 0 : Math.max(1.0, (double) total / lengths.length);
    }

    public static Bm25 index(List<String> documents) {
        List<Map<String, Integer>> tfs = new ArrayList<>(documents.size());
        int[] lengths = new int[documents.size()];
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            List<String> terms = tokenize(documents.get(i));
            Map<String, Integer> tf = new HashMap<>(Math.max(4, terms.size() * 2));
            for (String t : terms) tf.merge(t, 1, Integer::sum);
            for (String t : tf.keySet()) df.merge(t, 1, Integer::sum);
            tfs.add(tf);
            lengths[i] = terms.size();
        }
        return new Bm25(tfs, lengths, df);
    }

    public int size() {
        return lengths.length;
    }

    /** One score per document, in document order; 0 for documents sharing no term with the query. */
    public double[] scores(String query) {
        double[] scores = new double[lengths.length];
        if (query == null || query.isBlank() || lengths.length == 0) return scores;
        int n = lengths.length;
        for (String term : new LinkedHashSet<>(tokenize(query))) {
            Integer df = documentFrequency.get(term);
            if (df == null) continue;
            // The "+1" form keeps idf positive even for terms present in most documents.
            double idf = Math.log(1.0 + (n - df + 0.5) / (df + 0.5));
            for (int i = 0; i < n; i++) {
                Integer tf = termFrequencies.get(i).get(term);
                if (tf == null) continue;
                double norm = K1 * (1 - B + B * lengths[i] / averageLength);
                scores[i] += idf * (tf * (K1 + 1)) / (tf + norm);
            }
        }
        return scores;
    }

    /**
     * The same scores as {@code index(documents).scores(query)}, without building the index: only the
     * query's terms are counted per document, and a document token becomes a string (lower-cased,
     * stemmed) only when its first two characters could start a query term or a stop word. A stem
     * always keeps the word's first two characters, so the skipped tokens can match nothing; they
     * still count towards the document length. This is what scoring every item of a large array
     * against one question needs, at a fraction of the allocation of a full index.
     */
    public static double[] scores(List<String> documents, String query) {
        int n = documents.size();
        Scorer scorer = Scorer.of(query, n);
        if (scorer == null) return new double[n];
        for (int i = 0; i < n; i++) {
            scorer.document(i);
            scorer.text(documents.get(i));
        }
        return scorer.scores();
    }

    /**
     * {@link #scores(List, String)} fed part by part while the documents are being read, so that a caller
     * that builds each document from parts separated by spaces (an item's field names and values) scores it
     * without a second pass over its text, and counts a part that recurs in every document (a field name)
     * once. A document's score is the same as for its whole text: a token never spans a space.
     * Not thread-safe.
     */
    public static final class Scorer {
        private final List<String> terms;
        private final Map<String, Integer> termIndex = new HashMap<>();
        private final String[][] termsBySlot;
        private final int[][] tf;
        private final int[] lengths;
        private final QueryTermCounter counter;
        /**
         * Whether a whole number's digits could match a query term: a term matches a token only when the term
         * minus its last character starts the token, so only terms that are digits up to their last character
         * ("500", "404s") can match a number. Without such terms a number needs no text to be counted.
         */
        private final boolean numericTerms;

        private Scorer(List<String> terms, int documents) {
            this.terms = terms;
            for (String t : terms) termIndex.putIfAbsent(t, termIndex.size());
            this.tf = new int[termIndex.size()][documents];
            this.lengths = new int[documents];
            this.termsBySlot = bySlot(terms);
            this.counter = new QueryTermCounter(termIndex, termsBySlot, tf);
            boolean numeric = false;
            for (String t : terms) numeric |= t.chars().limit(t.length() - 1).allMatch(Character::isDigit);
            this.numericTerms = numeric;
        }

        /** A scorer for {@code documents} documents, or null when the query has no terms to score. */
        public static Scorer of(String query, int documents) {
            if (query == null || query.isBlank() || documents == 0) return null;
            List<String> terms = new ArrayList<>(new LinkedHashSet<>(tokenize(query)));
            return terms.isEmpty() ? null : new Scorer(terms, documents);
        }

        /** The following parts belong to document {@code i}; each document is started once. */
        public void document(int i) {
            if (counter.document != i) lengths[counter.document] = counter.length;
            counter.document = i;
            counter.length = lengths[i];
        }

        /** Counts the terms of one part of the current document. */
        public void text(String part) {
            scan(part, counter);
        }

        /** Counts a whole number written out in decimal, without writing it out when no term could match it. */
        public void number(long value) {
            if (numericTerms) {
                text(Long.toString(value));
            } else if (value <= -10 || value >= 10) {
                counter.length++; // one token of two or more digits (a '-' is a separator); never a stop word
            }
        }

        /** What {@code part} counts, to add to many documents with {@link #add}. */
        public Part part(String part) {
            int[][] column = new int[tf.length][1];
            QueryTermCounter alone = new QueryTermCounter(termIndex, termsBySlot, column);
            scan(part, alone);
            int[] hits = new int[tf.length];
            for (int t = 0; t < hits.length; t++) hits[t] = column[t][0];
            return new Part(alone.length, hits);
        }

        /** Adds a counted part to the current document. */
        public void add(Part part) {
            counter.length += part.length;
            for (int t = 0; t < part.hits.length; t++) tf[t][counter.document] += part.hits[t];
        }

        /** The score of every document (0 for those sharing no term with the query). */
        public double[] scores() {
            lengths[counter.document] = counter.length;
            int n = lengths.length;
            double[] scores = new double[n];
            long total = 0;
            for (int len : lengths) total += len;
            double averageLength = Math.max(1.0, (double) total / n);
            for (String term : terms) {
                int[] termTf = tf[termIndex.get(term)];
                int df = 0;
                for (int f : termTf) if (f > 0) df++;
                if (df == 0) continue;
                // Same arithmetic, in the same order, as scores(String) over a full index.
                double idf = Math.log(1.0 + (n - df + 0.5) / (df + 0.5));
                for (int i = 0; i < n; i++) {
                    int f = termTf[i];
                    if (f == 0) continue;
                    double norm = K1 * (1 - B + B * lengths[i] / averageLength);
                    scores[i] += idf * (f * (K1 + 1)) / (f + norm);
                }
            }
            return scores;
        }
    }

    /** The term counts of one recurring part (see {@link Scorer#part}). */
    public record Part(int length, int[] hits) {
    }

    private static final int PREFIX_SLOTS = 1 << 12;
    private static final Integer NOT_A_TERM = -1;
    /** The stop words by the slot of their first two characters; collisions only cost a comparison. */
    private static final String[][] STOP_BY_SLOT = bySlot(STOP_WORDS);
    private static final int MAX_STOP_WORD = STOP_WORDS.stream().mapToInt(String::length).max().orElse(0);

    private static int prefixSlot(char c0, char c1) {
        return (c0 * 31 + c1) & (PREFIX_SLOTS - 1);
    }

    /** The words of two or more characters grouped by the slot of their first two (lower-case) characters. */
    private static String[][] bySlot(Iterable<String> words) {
        String[][] out = new String[PREFIX_SLOTS][];
        for (String w : words) {
            if (w.length() < 2) continue; // single characters are never tokens
            int slot = prefixSlot(w.charAt(0), w.charAt(1));
            String[] old = out[slot];
            out[slot] = old == null ? new String[] {w} : java.util.Arrays.copyOf(old, old.length + 1);
            out[slot][out[slot].length - 1] = w;
        }
        return out;
    }

    /**
     * Whether the lower-cased span {@code text[from, to)} starts with the first {@code length} characters of
     * {@code word} (already lower case), compared in place.
     */
    private static boolean startsWithLower(String text, int from, int to, String word, int length) {
        if (to - from < length) return false;
        for (int j = 0; j < length; j++) {
            if (lower(text.charAt(from + j)) != word.charAt(j)) return false;
        }
        return true;
    }

    private static final int STEM_SLOTS = 1 << 8;

    /** Receives the raw token spans of {@link #scan}. */
    private interface SpanSink {
        void span(String text, int from, int to);
    }

    /**
     * Counts document length (terms) and the frequencies of the query's terms in one document. A token is
     * compared in place with the stop words and query terms that share its first two characters' slot, and
     * becomes a string only when it could stem to a query term: a stem minus its last character is always a
     * prefix of its word ({@link LightStemmer} strips suffixes, and "-ies" becomes "-y"), so a word that does
     * not start with a term minus its last character cannot match that term.
     */
    private static final class QueryTermCounter implements SpanSink {
        private final Map<String, Integer> termIndex;
        private final String[][] termsBySlot;
        private final int[][] tf;
        /**
         * The term index of each word stemmed so far, direct-mapped by a hash of its lower case and compared in
         * place: the same words recur across items ("service", "request"), so each is stemmed once per call and
         * a repeat costs neither a string nor a map lookup. A slot holds the last word that hashed there.
         */
        private final String[] words = new String[STEM_SLOTS];
        private final int[] wordTerms = new int[STEM_SLOTS];
        int document;
        int length;

        QueryTermCounter(Map<String, Integer> termIndex, String[][] termsBySlot, int[][] tf) {
            this.termIndex = termIndex;
            this.termsBySlot = termsBySlot;
            this.tf = tf;
        }

        @Override
        public void span(String text, int from, int to) {
            int len = to - from;
            if (len < 2) return;
            int slot = prefixSlot(lower(text.charAt(from)), lower(text.charAt(from + 1)));
            String[] stops = len <= MAX_STOP_WORD ? STOP_BY_SLOT[slot] : null;
            if (stops != null) {
                for (String stop : stops) {
                    if (stop.length() == len && startsWithLower(text, from, to, stop, len)) return;
                }
            }
            length++;
            String[] candidates = termsBySlot[slot];
            if (candidates == null) return;
            for (String term : candidates) {
                if (startsWithLower(text, from, to, term, term.length() - 1)) {
                    int t = termOf(text, from, to);
                    if (t >= 0) tf[t][document]++;
                    return;
                }
            }
        }

        /** The query term {@code text[from, to)} stems to, or -1. */
        private int termOf(String text, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) h = 31 * h + lower(text.charAt(i));
            int slot = (h ^ (h >>> 16)) & (STEM_SLOTS - 1);
            String word = words[slot];
            if (word != null && word.length() == to - from && startsWithLower(text, from, to, word, to - from)) {
                return wordTerms[slot];
            }
            word = lowerCase(text, from, to);
            int t = termIndex.getOrDefault(LightStemmer.stem(word), NOT_A_TERM);
            words[slot] = word;
            wordTerms[slot] = t;
            return t;
        }
    }

    /**
     * Lower-cased, stemmed terms of {@code text} without stop words and single characters. Splits on every
     * non-alphanumeric character, on lower-to-upper case changes ("csrfToken"), before the last capital of an
     * acronym ("HTTPServer" -> http, server) and where digits follow letters ("Service12" -> service, 12).
     */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        scan(text, (t, from, to) -> addTerm(t, from, to, out));
        return out;
    }

    /** Hands every token span of {@code text} to {@code sink}, split as {@link #tokenize} describes. */
    private static void scan(String text, SpanSink sink) {
        int len = text.length();
        int start = -1;
        for (int i = 0; i <= len; i++) {
            char c = i < len ? text.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                if (start < 0) start = i; // a lower-case letter continues a token and never starts a new one
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) sink.span(text, start, i);
                start = -1;
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (isBoundary(text, i, len)) {
                sink.span(text, start, i);
                start = i;
            }
        }
    }

    private static boolean isBoundary(String text, int i, int len) {
        char c = text.charAt(i);
        char prev = text.charAt(i - 1);
        if (c < 128 && prev < 128) {
            // the same rules for ASCII without Character's Unicode tables (ids and timestamps are digit-heavy)
            boolean prevLetter = (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z');
            if (prevLetter && c >= '0' && c <= '9') return true;
            if (prev >= '0' && prev <= '9') return false;
            if (c < 'A' || c > 'Z') return false;
            if (prev >= 'a' && prev <= 'z') return true;
            if (prev < 'A' || prev > 'Z' || i + 1 >= len) return false;
            char next = text.charAt(i + 1);
            return next < 128 ? next >= 'a' && next <= 'z' : Character.isLowerCase(next);
        }
        // Only letter-to-digit: "Service12" splits, while "10am" or "5662ms" stay whole quantities.
        if (Character.isLetter(prev) && Character.isDigit(c)) return true;
        if (Character.isDigit(prev)) return false;
        if (Character.isUpperCase(c)) {
            if (Character.isLowerCase(prev)) return true;
            // "HTTPServer": the boundary sits before the capital that starts a lower-case run.
            return Character.isUpperCase(prev) && i + 1 < len && Character.isLowerCase(text.charAt(i + 1));
        }
        return false;
    }

    private static void addTerm(String text, int from, int to, List<String> out) {
        if (to - from < 2) return;
        String word = lowerCase(text, from, to);
        if (STOP_WORDS.contains(word)) return;
        out.add(LightStemmer.stem(word));
    }

    /** One allocation per term: lower-case straight into the new string's characters. */
    private static String lowerCase(String text, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = 0; i < chars.length; i++) chars[i] = lower(text.charAt(from + i));
        return new String(chars);
    }

    private static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }
}
