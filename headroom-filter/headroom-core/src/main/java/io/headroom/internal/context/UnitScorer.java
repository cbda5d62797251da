package io.headroom.internal.context;

import io.headroom.internal.limits.Deadline;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the droppable units of one conversation by importance, each signal in [0, 1]:
 * <ul>
 *   <li>recency: {@code exp(-rate * d)}, d = messages after the unit's last message;</li>
 *   <li>similarity: BM25 of the unit against the recent context (the last user message and the last
 *       few messages), divided by the best unit's score;</li>
 *   <li>error indicator: error words (error, exception, failed, traceback, ...) and
 *       {@code SomethingError / SomethingException} names; two or more hits score 1;</li>
 *   <li>forward references: later messages that mention a distinctive identifier of the unit (file
 *       names, paths, snake_case / camelCase names, ids with digits); three or more score 1.
 *       Identifiers found in more than a tenth of the messages (tool names, recurring keys) say
 *       nothing about one message and are ignored;</li>
 *   <li>token density: unique terms / terms.</li>
 * </ul>
 * The original project learns error and importance signals (TOIN); these are their data-free
 * counterparts.
 */
final class UnitScorer {
    private static final int RECENT_MESSAGES = 3;
    private static final Pattern ERROR_WORD = Pattern.compile(
            "\\b(?:errors?|exceptions?|failed|failures?|traceback|fatal|panic(?:ked)?|stack ?trace|errno|segfault"
                    + "|denied|refused|timed out|timeout|crash(?:ed)?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR_NAME = Pattern.compile("\\b[A-Za-z]\\w*(?:Error|Exception)\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:[./\\-][A-Za-z0-9_]+)*");

    /** The original's {@code toin_importance} weight; the other five share the rest in their proportions. */
    static final double TOIN_IMPORTANCE_WEIGHT = 0.25;

    private final ScoringWeights weights;
    private final double decayRate;
    private final LearnedImportance learned;

    UnitScorer(ScoringWeights weights, double decayRate) {
        this(weights, decayRate, LearnedImportance.NONE);
    }

    UnitScorer(ScoringWeights weights, double decayRate, LearnedImportance learned) {
        this.weights = weights.normalized();
        this.decayRate = decayRate;
        this.learned = learned;
    }

    /** One score per unit of {@code units}, in the same order. */
    double[] score(Conversation c, List<Conversation.Unit> units) {
        return score(c, units, Deadline.NONE);
    }

    /** As {@link #score(Conversation, List)}, ticking {@code deadline} in every per-message and per-unit loop. */
    double[] score(Conversation c, List<Conversation.Unit> units, Deadline deadline) {
        int n = c.size();
        String[] messageText = new String[n];
        for (int i = 0; i < n; i++) {
            deadline.tick();
            messageText[i] = MessageText.joined(c.message(i));
        }
        List<String> unitTexts = new ArrayList<>(units.size());
        for (Conversation.Unit u : units) unitTexts.add(unitText(c, u, messageText));

        deadline.check();
        double[] similarity = similarity(unitTexts, recentContext(c, messageText));
        deadline.check();
        double[] forward = forwardReferences(c, units, messageText, deadline);
        double[] scores = new double[units.size()];
        boolean learning = learned.active(); // else the data-free scoring, unchanged
        for (int k = 0; k < units.size(); k++) {
            deadline.tick();
            Conversation.Unit u = units.get(k);
            String text = unitTexts.get(k);
            double recency = Math.exp(-decayRate * (n - 1 - u.last()));
            scores[k] = weights.recency() * recency
                    + weights.similarity() * similarity[k]
                    + weights.errorIndicator() * errorIndicator(text)
                    + weights.forwardReference() * forward[k]
                    + weights.tokenDensity() * density(text);
            if (learning) {
                scores[k] = (1 - TOIN_IMPORTANCE_WEIGHT) * scores[k] + TOIN_IMPORTANCE_WEIGHT * learned.importance(text);
            }
        }
        return scores;
    }

    private static String unitText(Conversation c, Conversation.Unit u, String[] messageText) {
        StringBuilder sb = new StringBuilder();
        for (int i = u.first(); i <= u.last(); i++) {
            if (!c.isSystem(i)) sb.append(messageText[i]).append('\n');
        }
        return sb.toString();
    }

    /** The last user message that starts a turn plus the last few messages. */
    private static String recentContext(Conversation c, String[] messageText) {
        StringBuilder sb = new StringBuilder();
        for (int i = c.size() - 1; i >= 0; i--) {
            if (c.shape().startsTurn(c.message(i))) {
                sb.append(messageText[i]).append('\n');
                break;
            }
        }
        for (int i = Math.max(0, c.size() - RECENT_MESSAGES); i < c.size(); i++) sb.append(messageText[i]).append('\n');
        return sb.toString();
    }

    private static double[] similarity(List<String> unitTexts, String query) {
        double[] s = Bm25.index(unitTexts).scores(query);
        double max = 0;
        for (double v : s) max = Math.max(max, v);
        if (max > 0) {
            for (int i = 0; i < s.length; i++) s[i] /= max;
        }
        return s;
    }

    static double errorIndicator(String text) {
        int hits = 0;
        Matcher m = ERROR_WORD.matcher(text);
        while (hits < 2 && m.find()) hits++;
        Matcher names = ERROR_NAME.matcher(text);
        while (hits < 2 && names.find()) hits++;
        return hits / 2.0;
    }

    static double density(String text) {
        List<String> terms = Bm25.tokenize(text);
        return terms.isEmpty() ? 0 : (double) new HashSet<>(terms).size() / terms.size();
    }

    /**
     * Per unit: distinct later messages that mention one of its distinctive identifiers, capped at 3.
     * Linear in the identifier occurrences: each identifier keeps the ascending list of messages that
     * mention it, and a unit looks at no more than the first three entries after its last message in
     * each list (three distinct ones from one list already reach the cap; otherwise all were seen).
     */
    private static double[] forwardReferences(Conversation c, List<Conversation.Unit> units, String[] messageText,
                                              Deadline deadline) {
        int n = c.size();
        List<Set<String>> ids = new ArrayList<>(n);
        Map<String, MessageList> postings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            deadline.tick();
            Set<String> set = c.isSystem(i) ? Set.of() : identifiers(messageText[i]);
            ids.add(set);
            for (String id : set) postings.computeIfAbsent(id, k -> new MessageList()).add(i);
        }
        int generic = Math.max(3, n / 10);
        double[] out = new double[units.size()];
        int[] later = new int[3];
        for (int k = 0; k < units.size(); k++) {
            deadline.tick();
            Conversation.Unit u = units.get(k);
            int found = 0;
            for (int i = u.first(); i <= u.last() && found < 3; i++) {
                for (String id : ids.get(i)) {
                    MessageList where = postings.get(id);
                    if (where.size > generic) continue;
                    for (int p = where.firstAfter(u.last()); p < where.size && found < 3; p++) {
                        found = addDistinct(later, found, where.items[p]);
                    }
                    if (found == 3) break;
                }
            }
            out[k] = found / 3.0;
        }
        return out;
    }

    private static int addDistinct(int[] seen, int count, int message) {
        for (int j = 0; j < count; j++) {
            if (seen[j] == message) return count;
        }
        seen[count] = message;
        return count + 1;
    }

    /** Ascending message indices, appended in order. */
    private static final class MessageList {
        int[] items = new int[2];
        int size;

        void add(int message) {
            if (size == items.length) items = java.util.Arrays.copyOf(items, size * 2);
            items[size++] = message;
        }

        /** Position of the first entry greater than {@code index}. */
        int firstAfter(int index) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (items[mid] <= index) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /**
     * Distinctive identifiers: with a digit, underscore, dot, slash, dash or inner capital (2+ chars when
     * letters and digits mix, like module {@code m7}, else 3+); and the parts of dotted / slashed ones.
     */
    static Set<String> identifiers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String token = m.group();
            addIfDistinctive(token, out);
            if (token.indexOf('.') >= 0 || token.indexOf('/') >= 0 || token.indexOf('-') >= 0) {
                for (String part : token.split("[./\\-]")) addIfDistinctive(part, out);
            }
        }
        return out;
    }

    private static void addIfDistinctive(String token, Set<String> out) {
        if (token.length() < 2) return;
        boolean digit = false;
        boolean letter = false;
        boolean mark = false;
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            digit |= Character.isDigit(ch);
            letter |= Character.isLetter(ch);
            mark |= ch == '_' || ch == '.' || ch == '/' || ch == '-'
                    || i > 0 && Character.isUpperCase(ch) && Character.isLowerCase(token.charAt(i - 1));
        }
        if (digit && letter || token.length() >= 3 && (digit || mark)) out.add(token);
    }
}
