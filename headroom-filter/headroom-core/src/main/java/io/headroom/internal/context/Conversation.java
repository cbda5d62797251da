package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ImageConfig;
import io.headroom.internal.image.ImageCost;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of one request's conversation as context management sees it: per-message token costs,
 * the tokens that always stay (system prompt, instructions, tools), and the conversation cut into
 * {@link Unit}s, the smallest blocks that can be dropped without leaving a tool call without its
 * result or a result without its call (or, for Anthropic, breaking the user/assistant alternation).
 * Units that touch the protected tail (the last N turns) are protected; system messages never drop.
 * A message's cost includes its images, counted by their provider's rule ({@link ImageCost}), so dropping an
 * image turn is credited what the image cost.
 */
final class Conversation {
    /** Per-message framing the provider adds around each message's text (role, separators). */
    static final int MESSAGE_OVERHEAD = 4;

    /**
     * A droppable block: list indices {@code first..last} (inclusive, contiguous). System messages
     * inside it are not part of it and stay.
     *
     * @param ordinal   position among all units, oldest first
     * @param tokens    cost of the droppable members
     * @param protectedUnit true when it overlaps the protected tail
     */
    record Unit(int ordinal, int first, int last, int tokens, boolean protectedUnit) { }

    private final ArrayNode messages;
    private final MessageShape shape;
    private final int[] tokens;
    private final int fixedTokens;
    private final int protectFrom;
    private final List<Unit> units;

    private Conversation(ArrayNode messages, MessageShape shape, int[] tokens, int fixedTokens, int protectFrom,
                         List<Unit> units) {
        this.messages = messages;
        this.shape = shape;
        this.tokens = tokens;
        this.fixedTokens = fixedTokens;
        this.protectFrom = protectFrom;
        this.units = units;
    }

    /** Null when {@code root} has no conversation array. */
    static Conversation read(ObjectNode root, MessageShape shape, TokenCounter.Tokenizer tokenizer, int keepLastTurns) {
        return read(root, shape, tokenizer, keepLastTurns, Deadline.NONE);
    }

    /**
     * As {@link #read(ObjectNode, MessageShape, TokenCounter.Tokenizer, int)}, ticking {@code deadline} per message;
     * images are costed from their headers with the default pixel limit.
     */
    static Conversation read(ObjectNode root, MessageShape shape, TokenCounter.Tokenizer tokenizer, int keepLastTurns,
                             Deadline deadline) {
        return read(root, shape, tokenizer, keepLastTurns,
                ImageCost.of(shape.endpoint(), MessageShape.text(root, "model"), ImageConfig.DEFAULT_MAX_PIXELS),
                deadline);
    }

    /**
     * As {@link #read(ObjectNode, MessageShape, TokenCounter.Tokenizer, int, Deadline)}: a message costs its texts
     * plus its image parts by their provider's rule ({@code images}), plus {@link #MESSAGE_OVERHEAD}.
     */
    static Conversation read(ObjectNode root, MessageShape shape, TokenCounter.Tokenizer tokenizer, int keepLastTurns,
                             ImageCost images, Deadline deadline) {
        JsonNode list = root.get(shape.listField());
        if (!(list instanceof ArrayNode messages)) return null;
        int n = messages.size();
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            deadline.tick();
            JsonNode m = messages.get(i);
            tokens[i] = count(tokenizer, m) + images.tokens(m) + MESSAGE_OVERHEAD;
        }
        int fixed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(shape.listField())) fixed += count(tokenizer, e.getValue());
        }
        int protectFrom = protectFrom(messages, shape, Math.max(1, keepLastTurns));
        return new Conversation(messages, shape, tokens, fixed, protectFrom, units(messages, shape, tokens, protectFrom));
    }

    private static int count(TokenCounter.Tokenizer tokenizer, JsonNode node) {
        int sum = 0;
        for (String t : MessageText.of(node)) sum += tokenizer.count(t);
        return sum;
    }

    /** Index of the first message of the last {@code keep} turns; the last message when there are no turns. */
    private static int protectFrom(ArrayNode messages, MessageShape shape, int keep) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (shape.startsTurn(messages.get(i))) starts.add(i);
        }
        if (starts.isEmpty()) return Math.max(0, messages.size() - 1);
        return starts.size() >= keep ? starts.get(starts.size() - keep) : starts.get(0);
    }

    private static List<Unit> units(ArrayNode messages, MessageShape shape, int[] tokens, int protectFrom) {
        int n = messages.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        Map<String, Integer> firstWithId = new HashMap<>();
        int exchangeStart = 0;
        for (int i = 0; i < n; i++) {
            JsonNode m = messages.get(i);
            if (shape.exchangesOnly()) {
                if ("user".equals(MessageShape.text(m, "role"))) exchangeStart = i;
                union(parent, exchangeStart, i);
            }
            if (i + 1 < n && shape.bindsToNext(m)) union(parent, i, i + 1);
            if (i > 0 && shape.bindsToPrevious(m)) union(parent, i - 1, i);
            Set<String> ids = new LinkedHashSet<>();
            shape.callIds(m, ids);
            for (String id : ids) {
                Integer other = firstWithId.putIfAbsent(id, i);
                if (other != null) union(parent, other, i);
            }
        }
        // each group's index range, then merge overlapping ranges so every unit is contiguous
        Map<Integer, int[]> ranges = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ranges.computeIfAbsent(find(parent, i), r -> new int[] {Integer.MAX_VALUE, -1});
            int[] r = ranges.get(find(parent, i));
            r[0] = Math.min(r[0], i);
            r[1] = Math.max(r[1], i);
        }
        List<int[]> sorted = new ArrayList<>(ranges.values());
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Unit> units = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int[] r : sorted) {
            if (start >= 0 && r[0] <= end) {
                end = Math.max(end, r[1]);
                continue;
            }
            if (start >= 0) addUnit(units, messages, shape, tokens, protectFrom, start, end);
            start = r[0];
            end = r[1];
        }
        if (start >= 0) addUnit(units, messages, shape, tokens, protectFrom, start, end);
        return List.copyOf(units);
    }

    private static void addUnit(List<Unit> units, ArrayNode messages, MessageShape shape, int[] tokens,
                                int protectFrom, int first, int last) {
        int sum = 0;
        boolean any = false;
        for (int i = first; i <= last; i++) {
            if (!shape.isSystem(messages.get(i))) {
                sum += tokens[i];
                any = true;
            }
        }
        if (any) units.add(new Unit(units.size(), first, last, sum, last >= protectFrom));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    ArrayNode messages() {
        return messages;
    }

    MessageShape shape() {
        return shape;
    }

    int size() {
        return messages.size();
    }

    JsonNode message(int i) {
        return messages.get(i);
    }

    int tokens(int i) {
        return tokens[i];
    }

    boolean isSystem(int i) {
        return shape.isSystem(messages.get(i));
    }

    /** Index of the first protected message (the start of the last N turns). */
    int protectFrom() {
        return protectFrom;
    }

    /** Everything the request costs: fixed fields plus every message. */
    int totalTokens() {
        int sum = fixedTokens;
        for (int t : tokens) sum += t;
        return sum;
    }

    List<Unit> units() {
        return units;
    }

    /** Units that may be dropped, oldest first. */
    List<Unit> droppable() {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (!u.protectedUnit()) out.add(u);
        }
        return out;
    }
}
