package io.headroom.internal.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.Endpoint;
import io.headroom.internal.ccr.ItemSearch;
import io.headroom.internal.relevance.Bm25;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Context Tracker's proactive expansion (the original's Phase 4): each request's compressed originals are
 * remembered for its conversation ({@link ConversationKey}); when the request ends in a new user message whose
 * terms match items those originals lost (BM25 over each original's items, at least
 * {@code ccr.expansion.min-score}), the best matches, up to {@code ccr.expansion.max-tokens}, are added to that
 * message in the original's {@code <headroom_proactive_expansion>} block, so the model need not ask. Items come
 * from the CCR store at this moment, only for originals it still holds; the tracker itself keeps positions,
 * never content. Thread-safe.
 */
public final class ProactiveExpansion {
    static final String OPEN = "<headroom_proactive_expansion>";
    static final String CLOSE = "</headroom_proactive_expansion>";
    private static final ObjectMapper ITEM_READER = new ObjectMapper();

    private final CcrStore store;
    private final TokenCounter tokens;
    private final double minScore;
    private final int maxTokens;
    private final ContextTracker tracker;
    private final ItemSearch items = new ItemSearch();

    public ProactiveExpansion(CcrConfig config, CcrStore store, TokenCounter tokens) {
        this.store = store;
        this.tokens = tokens;
        this.minScore = config.expansionMinScore();
        this.maxTokens = config.expansionMaxTokens();
        this.tracker = new ContextTracker(config.expansionMaxConversations());
    }

    /** What one request gained: nothing, or {@code items} items of {@code tokens} tokens in all (the block's). */
    public record Expanded(int items, int tokens) {
        public static final Expanded NONE = new Expanded(0, 0);
    }

    /**
     * Tracks {@code stored} for the request's conversation, then, when {@code mayExpand}, expands into its new
     * user message items of originals compressed by <em>earlier</em> requests of the conversation. An original
     * this request compressed again is left to the compressor, which already chose its items with this very
     * message as the query. Changes {@code root} only when it returns items.
     */
    public Expanded apply(Endpoint endpoint, ObjectNode root, String scope, List<CompressedOutput> stored,
                          boolean mayExpand) {
        String conversation = ConversationKey.of(endpoint, root, scope);
        List<TrackedOriginal> tracked = tracker.track(conversation, compressions(conversation, stored));
        LatestUserTurn turn = mayExpand ? LatestUserTurn.of(endpoint, root) : null;
        if (turn == null) {
            return Expanded.NONE;
        }
        Set<String> thisRequest = new HashSet<>();
        stored.forEach(s -> thisRequest.add(s.hash()));
        tracked.removeIf(t -> thisRequest.contains(t.hash()));
        if (tracked.isEmpty()) {
            return Expanded.NONE;
        }
        TokenCounter.Tokenizer tokenizer = tokens.forModel(root.path("model").asText(null));
        List<Match> chosen = choose(matches(tracked, scope, turn.text()), tokenizer);
        if (chosen.isEmpty()) {
            return Expanded.NONE;
        }
        String block = format(chosen);
        turn.append(block);
        return new Expanded(chosen.size(), tokenizer.count(block));
    }

    int trackedConversations() {
        return tracker.conversations();
    }

    /**
     * The tracker's view of this request's compressed originals. Agents resend the whole history every turn, so
     * most of them are already tracked: those are not split and compared again (that costs as much as the
     * compression itself on a 1,000-item output), only new originals are.
     */
    private List<ContextTracker.Compression> compressions(String conversation, List<CompressedOutput> stored) {
        List<ContextTracker.Compression> out = new ArrayList<>(stored.size());
        for (CompressedOutput s : stored) {
            if (tracker.tracks(conversation, s.hash())) {
                out.add(new ContextTracker.Compression(s.hash(), s.toolName(), 0, null));
                continue;
            }
            List<String> all = items.items(s.original());
            out.add(new ContextTracker.Compression(s.hash(), s.toolName(), all.size(), dropped(all, s.compressed())));
        }
        return out;
    }

    /**
     * Items the text that replaced the original does not show. An object item counts as shown when each of its
     * fields appears as {@code "name":value} (SmartCrusher writes kept items compactly and moves a field constant
     * across items to {@code _constant_fields}); any other item when its text appears. An item kept in a layout
     * of its own (a table row) counts as dropped: expanding it again costs tokens within the cap, never
     * correctness.
     */
    static BitSet dropped(List<String> all, String compressed) {
        BitSet dropped = new BitSet(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (!shown(all.get(i).strip(), compressed)) {
                dropped.set(i);
            }
        }
        return dropped;
    }

    private static boolean shown(String item, String compressed) {
        if (compressed.contains(item)) {
            return true;
        }
        if (!item.startsWith("{")) {
            return false;
        }
        JsonNode object;
        try {
            object = ITEM_READER.readTree(item);
        } catch (IOException e) {
            return false;
        }
        if (!object.isObject() || object.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String pair = TextNode.valueOf(field.getKey()) + ":" + field.getValue();
            if (!compressed.contains(pair)) {
                return false;
            }
        }
        return true;
    }

    private List<Match> matches(List<TrackedOriginal> tracked, String scope, String query) {
        List<Match> matches = new ArrayList<>();
        for (TrackedOriginal t : tracked) {
            if (t.dropped().isEmpty()) {
                continue;
            }
            Optional<CcrEntry> held = store.peek(scope, t.hash());
            if (held.isEmpty()) {
                continue; // expired or evicted: nothing is expanded from memory or guessed
            }
            List<String> all = items.items(held.get().original());
            if (all.size() != t.itemCount()) {
                continue; // not the original the positions were taken from
            }
            double[] scores = Bm25.scores(all, query);
            for (int i = t.dropped().nextSetBit(0); i >= 0; i = t.dropped().nextSetBit(i + 1)) {
                if (scores[i] >= minScore) {
                    matches.add(new Match(t, i, scores[i], all.get(i)));
                }
            }
        }
        return matches;
    }

    /** The best-scoring matches that fit in the token cap (a match too large for what is left is skipped). */
    private List<Match> choose(List<Match> matches, TokenCounter.Tokenizer tokenizer) {
        matches.sort(Comparator.comparingDouble((Match m) -> -m.score()).thenComparingInt(m -> m.original().turn())
                .thenComparingInt(Match::index));
        List<Match> chosen = new ArrayList<>();
        int budget = maxTokens;
        for (Match m : matches) {
            int cost = tokenizer.count(m.text()) + 1; // its line break
            if (cost <= budget) {
                chosen.add(m);
                budget -= cost;
            }
        }
        return chosen;
    }

    /** The original's block: a header, one section per original ("Expanded from earlier (reason)"), an end line. */
    static String format(List<Match> chosen) {
        Map<TrackedOriginal, List<Match>> byOriginal = new LinkedHashMap<>();
        for (Match m : chosen) {
            byOriginal.computeIfAbsent(m.original(), k -> new ArrayList<>()).add(m);
        }
        StringBuilder body = new StringBuilder("[Proactive Context Expansion - relevant to your query]");
        for (Map.Entry<TrackedOriginal, List<Match>> e : byOriginal.entrySet()) {
            TrackedOriginal t = e.getKey();
            List<Match> ms = e.getValue();
            ms.sort(Comparator.comparingInt(Match::index)); // in the original's order
            body.append("\n\n--- Expanded from earlier (")
                    .append(t.toolName() == null ? "" : "from " + t.toolName() + ", ")
                    .append(ms.size()).append(" of ").append(t.itemCount()).append(" items compressed in turn ")
                    .append(t.turn()).append(", matching your query) ---");
            for (Match m : ms) {
                body.append('\n').append(m.text());
            }
        }
        body.append("\n[End Proactive Expansion]");
        // a stored item must not close the wrapper early (the original escapes it the same way)
        String safe = body.toString().replace(CLOSE, "<\\/headroom_proactive_expansion>");
        return OPEN + "\n" + safe + "\n" + CLOSE;
    }

    record Match(TrackedOriginal original, int index, double score, String text) {
    }
}
