package io.headroom.core.relevance;

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
     * Lower-cased, stemmed terms of {@code text} without stop words and single characters. Splits on every
     * non-alphanumeric character, on lower-to-upper case changes ("csrfToken"), before the last capital of an
     * acronym ("HTTPServer" -> http, server) and where digits follow letters ("Service12" -> service, 12).
     */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        int len = text.length();
        int start = -1;
        for (int i = 0; i <= len; i++) {
            char c = i < len ? text.charAt(i) : ' ';
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) addTerm(text, start, i, out);
                start = -1;
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (isBoundary(text, i, len)) {
                addTerm(text, start, i, out);
                start = i;
            }
        }
        return out;
    }

    private static boolean isBoundary(String text, int i, int len) {
        char prev = text.charAt(i - 1);
        char c = text.charAt(i);
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
        int len = to - from;
        if (len < 2) return;
        // One allocation per term: lower-case straight into the new string's characters.
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(from + i);
            chars[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        String word = new String(chars);
        if (STOP_WORDS.contains(word)) return;
        out.add(LightStemmer.stem(word));
    }
}
