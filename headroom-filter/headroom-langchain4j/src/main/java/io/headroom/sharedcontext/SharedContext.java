package io.headroom.sharedcontext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;

/**
 * Compressed context handed between agents: one agent {@link #put}s a large output, the next
 * {@link #get}s the compressed version and asks for the {@link #full} original only when it needs
 * the details.
 *
 * <pre>{@code
 * try (SharedContext ctx = SharedContext.builder().ttl(Duration.ofHours(1)).maxEntries(100).build()) {
 *     ctx.put("research", bigResearchOutput, "researcher");
 *     String summary = ctx.get("research");          // compressed
 *     String full = ctx.get("research", true);       // original
 * }
 * }</pre>
 *
 * <p>{@code put} runs the content through Headroom's pipeline as a tool output (the content router
 * picks SmartCrusher for JSON, the log, diff, search, HTML, code or text compressor otherwise) and
 * keeps both forms in an Ehcache heap cache with a time-to-live and a maximum entry count; when
 * the cache is full, Ehcache evicts an older, less recently used entry. Thread-safe.
 */
public final class SharedContext implements AutoCloseable {
    /** Defaults of the original project: one hour, 100 entries. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_ENTRIES = 100;
    public static final String DEFAULT_MODEL = "gpt-4o";
    private static final String CACHE = "headroom-shared-context";
    private static final String CALL_ID = "shared_context";

    private final Headroom headroom;
    private final boolean ownsHeadroom;
    private final String model;
    private final CacheManager cacheManager;
    private final Cache<String, SharedContextEntry> entries;
    /** Tokens of the request wrapped around content, per tool name; subtracted to count the content alone. */
    private final Map<String, Integer> wrapperTokens = new ConcurrentHashMap<>();

    private SharedContext(Builder b) {
        this.ownsHeadroom = b.headroom == null;
        this.headroom = ownsHeadroom ? Headroom.create(b.config) : b.headroom;
        this.model = b.model;
        this.cacheManager = CacheManagerBuilder.newCacheManagerBuilder()
                .withClassLoader(SharedContext.class.getClassLoader())
                // Each instance has its own manager, so the alias needs to be unique only within it.
                .withCache(CACHE, CacheConfigurationBuilder
                        .newCacheConfigurationBuilder(String.class, SharedContextEntry.class, ResourcePoolsBuilder.heap(b.maxEntries))
                        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(b.ttl)))
                .build(true);
        this.entries = cacheManager.getCache(CACHE, String.class, SharedContextEntry.class);
    }

    /** A shared context with the original's defaults and a Headroom of default configuration. */
    public static SharedContext create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stores {@code content} under {@code key}, replacing what was there. */
    public SharedContextEntry put(String key, String content) {
        return put(key, content, null);
    }

    /**
     * Compresses {@code content} and stores it with its original under {@code key}.
     *
     * @param agent who hands it over, or null; also used as the tool name for tool profiles
     */
    public SharedContextEntry put(String key, String content, String agent) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        String tool = agent == null || agent.isBlank() ? CALL_ID : agent;
        CompressResult r = headroom.compress(wrap(tool, content));
        String compressed = toolContent(r.messages()).orElse(content);
        int overhead = wrapperTokens.computeIfAbsent(tool, t -> headroom.compress(wrap(t, "")).tokensBefore());
        int originalTokens = Math.max(0, r.tokensBefore() - overhead);
        int compressedTokens = compressed.equals(content) ? originalTokens : Math.max(0, r.tokensAfter() - overhead);
        SharedContextEntry entry = new SharedContextEntry(key, content, compressed, originalTokens,
                Math.min(compressedTokens, originalTokens), compressed.equals(content) ? List.of() : r.transformsApplied(),
                agent, Instant.now());
        entries.put(key, entry);
        return entry;
    }

    /** The compressed content under {@code key}, or null when there is none (or it expired). */
    public String get(String key) {
        return get(key, false);
    }

    /** The original ({@code full}) or compressed content under {@code key}, or null. */
    public String get(String key, boolean full) {
        SharedContextEntry e = entry(key);
        return e == null ? null : full ? e.original() : e.compressed();
    }

    /** The original content under {@code key}, or null. */
    public String full(String key) {
        return get(key, true);
    }

    /** The whole entry under {@code key}, or null. */
    public SharedContextEntry entry(String key) {
        return entries.get(Objects.requireNonNull(key, "key"));
    }

    /** Keys of all live entries. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Cache.Entry<String, SharedContextEntry> e : entries) {
            keys.add(e.getKey());
        }
        return keys;
    }

    public SharedContextStats stats() {
        int count = 0;
        long original = 0;
        long compressed = 0;
        for (Cache.Entry<String, SharedContextEntry> e : entries) {
            count++;
            original += e.getValue().originalTokens();
            compressed += e.getValue().compressedTokens();
        }
        return new SharedContextStats(count, original, compressed);
    }

    /** Removes the entry under {@code key}; true when there was one. */
    public boolean remove(String key) {
        SharedContextEntry current = entries.get(Objects.requireNonNull(key, "key"));
        return current != null && entries.remove(key, current);
    }

    /** Removes every entry. */
    public void clear() {
        entries.clear();
    }

    /** The Headroom that compresses, e.g. to {@code retrieve} by a CCR hash found in compressed content. */
    public Headroom headroom() {
        return headroom;
    }

    @Override
    public void close() {
        cacheManager.close();
        if (ownsHeadroom) {
            headroom.close();
        }
    }

    /** The content as the output of a tool call, the form the pipeline compresses. */
    private ObjectNode wrap(String tool, String content) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("model", model);
        ArrayNode messages = request.putArray("messages");
        ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
                .putArray("tool_calls").addObject().put("id", CALL_ID).put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", CALL_ID).put("content", content);
        return request;
    }

    private static java.util.Optional<String> toolContent(JsonNode messages) {
        if (messages != null) {
            for (JsonNode m : messages) {
                if ("tool".equals(m.path("role").asText()) && m.path("content").isTextual()) {
                    return java.util.Optional.of(m.get("content").textValue());
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static final class Builder {
        private Headroom headroom;
        private HeadroomConfig config = HeadroomConfig.defaults();
        private Duration ttl = DEFAULT_TTL;
        private long maxEntries = DEFAULT_MAX_ENTRIES;
        private String model = DEFAULT_MODEL;

        private Builder() {
        }

        /** Compress with a shared Headroom; the caller keeps ownership. Wins over {@link #config}. */
        public Builder headroom(Headroom headroom) {
            this.headroom = Objects.requireNonNull(headroom, "headroom");
            return this;
        }

        /** Configuration of the Headroom this context creates and owns. */
        public Builder config(HeadroomConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** How long an entry lives after it was put (default one hour). */
        public Builder ttl(Duration ttl) {
            if (ttl == null || ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
            this.ttl = ttl;
            return this;
        }

        /** Most entries kept at once (default 100). */
        public Builder maxEntries(long maxEntries) {
            if (maxEntries <= 0) {
                throw new IllegalArgumentException("maxEntries must be positive");
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** Model whose tokenizer counts tokens (default gpt-4o). */
        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            this.model = model;
            return this;
        }

        public SharedContext build() {
            return new SharedContext(this);
        }
    }
}
