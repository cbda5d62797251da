package io.headroom.internal.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.LearnedPattern;
import io.headroom.Learning;
import io.headroom.LearningConfig;
import io.headroom.LearningStats;
import io.headroom.internal.context.LearnedImportance;
import io.headroom.internal.crush.CrushHints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * TOIN (the original's Tool Output Intelligence Network), per instance: what the model retrieves is recorded
 * against the tool signature the original came from ({@link ToolSignature}), and once a signature's confidence
 * reaches the threshold its hints steer SmartCrusher ({@link #hintsFor}). Signatures are bounded (least recently
 * used forgotten first). Thread-safe: one lock over the signature map, held for microseconds.
 *
 * <p>Cold start is free and changes nothing: while no signature is confident, {@link #hintsFor} answers null
 * without even computing the output's signature.
 */
public final class Toin implements Learning, CrushHints.Source, LearnedImportance {
    static final int FORMAT_VERSION = 1;
    /** Matched items read per retrieval at most (the rest add nothing a bounded pattern could keep). */
    static final int MAX_ITEMS_READ = 50;
    static final int MAX_QUERY_TERMS = 8;
    private static final Pattern ERROR = Pattern.compile(
            "\\b(?:errors?|exceptions?|failed|failures?|fatal|panic|traceback|timeout)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_.-]{2,}");

    private static final io.headroom.host.HeadroomLog LOG = io.headroom.host.HeadroomLog.of(Toin.class);

    private final LearningConfig config;
    private final Clock clock;
    private final LearningStore store;
    private final ObjectMapper mapper = new ObjectMapper();
    private final LinkedHashMap<String, SignatureStats> signatures;
    private final AtomicLong feedbackEvents = new AtomicLong();
    private final AtomicLong feedbackUnknown = new AtomicLong();
    private final AtomicLong hintApplications = new AtomicLong();
    /** Some signature is confident: only then is an output's signature computed for hints. */
    private volatile boolean anyActive;
    /** Changed since the last save. */
    private volatile boolean dirty;
    /** Some retrieval was attributed to a signature: only then does never being retrieved mean anything. */
    private volatile boolean retrievalsSeen;
    /** The last save failed: further failures are not WARNed again until one succeeds. */
    private volatile boolean saveFailing;

    /** Learns from nothing saved: memory only. */
    public Toin(LearningConfig config, Clock clock) {
        this(config, clock, LearningStore.NONE);
    }

    /** Starts from what {@code store} holds (unreadable state: set aside by the store, start cold). */
    public Toin(LearningConfig config, Clock clock, LearningStore store) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        int max = config.maxSignatures();
        this.signatures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SignatureStats> eldest) {
                return size() > max;
            }
        };
        store.load().ifPresent(state -> {
            try {
                importState(state);
                dirty = false;
            } catch (RuntimeException e) {
                reset(false);
                store.setAside("not a valid learned state (" + e.getClass().getSimpleName() + ")");
            }
        });
    }

    /**
     * Saves the state when it changed since the last save. Never throws: failures log one WARN per outage (the
     * first failed save after a good one; later ones at DEBUG) and one INFO when a save succeeds again.
     */
    public void saveIfChanged() {
        if (!dirty) return;
        dirty = false;
        try {
            store.save(exportState());
            if (saveFailing) {
                saveFailing = false;
                LOG.info("Learned state saved again");
            }
        } catch (java.io.IOException | RuntimeException e) {
            dirty = true;
            String why = e.getClass().getSimpleName()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getClass().getName());
            if (!saveFailing) {
                saveFailing = true;
                LOG.warn("Learned state not saved ({}): kept in memory, retried every interval", why);
            } else {
                LOG.debug("Learned state still not saved ({})", why);
            }
        }
    }

    /** Whether the state outlives the process (a file or a shared document), so saving it means anything. */
    public boolean persistent() {
        return store != LearningStore.NONE;
    }

    /** One compressed tool output of {@code signature}. */
    public void recordCompression(String signature, String toolName, int itemsSeen, int itemsKept) {
        if (signature == null) return;
        synchronized (signatures) {
            SignatureStats s = signatures.computeIfAbsent(signature, k -> new SignatureStats(k, toolName));
            s.compressions++;
            s.itemsSeen += Math.max(0, itemsSeen);
            s.itemsKept += Math.max(0, itemsKept);
            s.lastUpdatedMillis = clock.millis();
            changed();
        }
    }

    /**
     * One retrieval of an original stored with {@code signature}: whole ({@code query} null or blank) or a search
     * whose {@code matches} are the items returned. A null signature (an original stored before learning, or by
     * a store that drops it) cannot be attributed: ignored and counted.
     */
    public void recordRetrieval(String signature, String query, List<String> matches) {
        feedbackEvents.incrementAndGet();
        if (signature == null) {
            feedbackUnknown.incrementAndGet();
            return;
        }
        boolean search = query != null && !query.isBlank();
        ItemFacts facts = search ? read(matches, query) : ItemFacts.NONE;
        synchronized (signatures) {
            SignatureStats s = signatures.get(signature);
            if (s == null) {
                // compressed before a reset or by another instance: learned from here on
                s = new SignatureStats(signature, null);
                signatures.put(signature, s);
            }
            s.retrievals++;
            retrievalsSeen = true;
            if (search) {
                s.searchRetrievals++;
                for (String term : terms(query)) SignatureStats.count(s.queryTerms, term, 1);
                for (String field : facts.fields) SignatureStats.count(s.retrievedFields, field, 1);
                for (String value : facts.values) SignatureStats.count(s.retrievedValues, value, 1);
                if (facts.error) s.errorRetrievals++;
            } else {
                s.fullRetrievals++;
            }
            s.lastUpdatedMillis = clock.millis();
            changed();
        }
    }

    /** A retrieval of a hash the store does not hold: ignored and counted. */
    public void recordUnknownHash() {
        feedbackEvents.incrementAndGet();
        feedbackUnknown.incrementAndGet();
    }

    @Override
    public CrushHints hintsFor(String toolName, String content) {
        return hintsFor0(toolName, content);
    }

    private CrushHints hintsFor0(String toolName, String content) {
        if (!anyActive) return null;
        String signature = ToolSignature.of(toolName, content);
        double scale;
        Map<String, Set<String>> values;
        synchronized (signatures) {
            SignatureStats s = signatures.get(signature);
            if (s == null || s.confidence() < config.confidenceThreshold()) return null;
            scale = s.budgetScale(retrievalsSeen());
            values = s.preservedValues();
        }
        if (scale == 1.0 && values.isEmpty()) return null;
        return new CrushHints(scale, values, hintApplications::incrementAndGet);
    }

    /**
     * What learned hints do to this output, for plans and logs ({@code "search_tickets (signature 1a2b3c4d5e6f):
     * keeps component=billing; budget x1.00"}), or empty when none apply.
     */
    public java.util.Optional<String> describeHints(String toolName, String content) {
        CrushHints hints = hintsFor0(toolName, content);
        if (hints == null) return java.util.Optional.empty();
        List<String> kept = new ArrayList<>();
        hints.preservedValues().forEach((f, vs) -> vs.forEach(v -> kept.add(f + "=" + v)));
        String signature = ToolSignature.of(toolName, content);
        return java.util.Optional.of(String.format(Locale.ROOT, "%s (signature %s): keeps %s; budget x%.2f",
                toolName == null ? "tool output" : toolName, signature.substring(0, 12),
                kept.isEmpty() ? "nothing extra" : String.join(", ", kept), hints.budgetScale()));
    }

    /** Whether this instance has seen any retrieval attributed to a signature (the state's, imported ones too). */
    private boolean retrievalsSeen() {
        return retrievalsSeen;
    }

    /** Whether any signature is confident: the only case in which learning changes anything. */
    @Override
    public boolean active() {
        return anyActive;
    }

    /**
     * The {@code toin_importance} of a conversation unit: 1 when it holds an item pattern a confident signature
     * learned ({@code "field": "value"} as JSON writes it), else 0 — so IntelligentContext drops the turns whose
     * items the model keeps retrieving last.
     */
    @Override
    public double importance(String unitText) {
        if (!anyActive) return 0;
        List<Map<String, Set<String>>> learned = new ArrayList<>();
        synchronized (signatures) {
            for (SignatureStats s : signatures.values()) {
                if (s.confidence() >= config.confidenceThreshold()) learned.add(s.preservedValues());
            }
        }
        for (Map<String, Set<String>> values : learned) {
            for (Map.Entry<String, Set<String>> e : values.entrySet()) {
                for (String v : e.getValue()) {
                    String name = "\"" + e.getKey() + "\":";
                    if (unitText.contains(name + "\"" + v + "\"") || unitText.contains(name + " \"" + v + "\"")
                            || unitText.contains(name + v + ",") || unitText.contains(name + " " + v + ",")) {
                        return 1.0;
                    }
                }
            }
        }
        return 0;
    }

    private void changed() {
        dirty = true;
        if (!anyActive) {
            for (SignatureStats s : signatures.values()) {
                if (s.confidence() >= config.confidenceThreshold()) {
                    anyActive = true;
                    return;
                }
            }
        }
    }

    private record ItemFacts(Set<String> fields, Set<String> values, boolean error) {
        static final ItemFacts NONE = new ItemFacts(Set.of(), Set.of(), false);
    }

    /**
     * The fields and the {@code field=value} pairs of the matched items. With several items, only the values all
     * of them share count (what the retrieved items had in common, not each item's own id), and the values that
     * are exactly what the model searched for: a search for "checkout-api" also matches the "cart-api" items (BM25
     * splits the words), yet it is service=checkout-api that the model wanted.
     */
    private ItemFacts read(List<String> matches, String query) {
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        Set<String> fields = new HashSet<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        boolean error = false;
        int read = 0;
        for (String match : matches) {
            if (read++ >= MAX_ITEMS_READ) break;
            error |= ERROR.matcher(match).find();
            JsonNode item;
            try {
                item = mapper.readTree(match);
            } catch (Exception e) {
                continue; // a text line, not an item: its query terms still count
            }
            if (item == null || !item.isObject()) continue;
            item.properties().forEach(e -> {
                fields.add(e.getKey());
                JsonNode v = e.getValue();
                if (v.isValueNode() && !v.isNull()) {
                    String text = v.asText();
                    if (!text.isEmpty() && text.length() <= SignatureStats.MAX_VALUE_LENGTH && e.getKey().indexOf('=') < 0) {
                        values.merge(e.getKey() + "=" + text, 1, Integer::sum);
                    }
                }
            });
        }
        int items = Math.min(read, MAX_ITEMS_READ);
        Set<String> common = new HashSet<>();
        values.forEach((v, n) -> {
            String value = v.substring(v.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            if (n == items || value.equals(wanted)) common.add(v);
        });
        return new ItemFacts(fields, common, error);
    }

    private static List<String> terms(String query) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && out.size() < MAX_QUERY_TERMS) {
            if (!out.contains(m.group())) out.add(m.group());
        }
        return out;
    }

    // ---- Learning facade -------------------------------------------------------------------------------------

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public LearningStats stats() {
        synchronized (signatures) {
            long compressions = 0;
            long retrievals = 0;
            int confident = 0;
            int learned = 0;
            for (SignatureStats s : signatures.values()) {
                compressions += s.compressions;
                retrievals += s.retrievals;
                if (s.confidence() >= config.confidenceThreshold()) {
                    confident++;
                    learned += s.learnedPatternCount();
                }
            }
            return new LearningStats(true, signatures.size(), compressions, retrievals, confident, learned,
                    feedbackEvents.get(), feedbackUnknown.get(), hintApplications.get());
        }
    }

    @Override
    public List<LearnedPattern> patterns() {
        List<LearnedPattern> out = new ArrayList<>();
        synchronized (signatures) {
            for (SignatureStats s : signatures.values()) {
                out.add(s.snapshot(config.confidenceThreshold(), retrievalsSeen()));
            }
        }
        out.sort(Comparator.comparingLong((LearnedPattern p) -> p.compressions() + p.retrievals()).reversed()
                .thenComparing(LearnedPattern::signatureHash));
        return out;
    }

    @Override
    public void reset() {
        reset(true);
    }

    private void reset(boolean clearSaved) {
        if (clearSaved) {
            try {
                store.clear();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("Saved learned state not removed ({}): overwritten at the next save", e.getClass().getSimpleName());
            }
        }
        synchronized (signatures) {
            signatures.clear();
            anyActive = false;
            retrievalsSeen = false;
            dirty = true;
        }
        feedbackEvents.set(0);
        feedbackUnknown.set(0);
        hintApplications.set(0);
    }

    @Override
    public ObjectNode exportState() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", FORMAT_VERSION);
        ObjectNode patterns = root.putObject("patterns");
        synchronized (signatures) {
            for (SignatureStats s : signatures.values()) patterns.set(s.signature, s.toJson());
        }
        return root;
    }

    @Override
    public void importState(JsonNode state) {
        if (state == null || !state.isObject() || !state.path("patterns").isObject()
                || state.path("version").asInt(-1) != FORMAT_VERSION) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR,
                    "expected a learned state: {\"version\": " + FORMAT_VERSION + ", \"patterns\": {...}}");
        }
        // validated whole before anything is merged: a bad document changes nothing
        List<SignatureStats> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : state.get("patterns").properties()) {
            if (!e.getKey().matches("[0-9a-f]{" + ToolSignature.LENGTH + "}") || !e.getValue().isObject()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "a pattern key must be a signature hash");
            }
            SignatureStats s = new SignatureStats(e.getKey(), null);
            try {
                s.merge(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "pattern " + e.getKey() + ": " + ex.getMessage());
            }
            parsed.add(s);
        }
        synchronized (signatures) {
            for (SignatureStats s : parsed) {
                SignatureStats into = signatures.get(s.signature);
                if (into == null) {
                    signatures.put(s.signature, s);
                } else {
                    into.merge(s.toJson());
                }
                retrievalsSeen |= s.retrievals > 0;
            }
            changed();
        }
    }

}
