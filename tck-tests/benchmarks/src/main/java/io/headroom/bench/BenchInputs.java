package io.headroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The request bodies every benchmark runs on, built deterministically (fixed seeds) so that two
 * runs, on two machines, measure the very same bytes.
 *
 * <p>The synthetic inputs follow the rows of the original's latency table (search results, API
 * responses, DB rows, string / number / mixed arrays) at roughly its token counts, each wrapped as
 * an OpenAI chat request: system message, user question, assistant tool call, tool result. The
 * {@code corpus.*} inputs are the conformance corpus requests (tck-tests/corpus/cases, on the class path through
 * the headroom-corpus artifact).
 */
public final class BenchInputs {

    /** Synthetic inputs shaped like the rows of the original's SDK latency table. */
    public static final List<String> SYNTHETIC = List.of(
            "search_results_100", "search_results_500", "search_results_1000", "api_responses_500",
            "db_rows_1000", "string_array_100", "string_array_500", "number_array_200", "mixed_array_250");

    /** The conformance corpus requests (resource {@code /corpus/<name>.json} of headroom-corpus). */
    public static final List<String> CORPUS = List.of(
            "corpus.anthropic_messages_600", "corpus.db_rows_1000", "corpus.file_paths_800", "corpus.grep_1200",
            "corpus.html_60", "corpus.json_logs_100", "corpus.json_logs_1000", "corpus.long_conversation_40",
            "corpus.malformed_400", "corpus.metrics_720", "corpus.pytest_log_1500", "corpus.responses_api_800",
            "corpus.search_results_500", "corpus.short_1", "corpus.user_json_300");

    /** A short chat with a tiny tool result: nothing to compress, so it measures pure filter overhead. */
    public static final String SMALL_CHAT = "small_chat";

    /** One benchmark input: the body a client would POST to {@code endpoint}. */
    public record Input(String name, Endpoint endpoint, byte[] body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final String[] WORDS = ("the a of to and in for on with by from at as is are was be this that "
            + "service request latency cache database index query timeout retry connection pool thread worker "
            + "deploy release build pipeline config cluster node region replica shard leader follower metric "
            + "alert dashboard trace span log error warning payment order invoice customer account user session "
            + "token quota limit throttle backoff circuit breaker gateway proxy upstream downstream schema "
            + "migration rollback snapshot backup restore storage bucket object queue topic consumer producer "
            + "offset partition lag throughput memory heap garbage collector pause allocation kubernetes pod "
            + "container image registry secret certificate rotation ingress egress network packet loss dns "
            + "resolver handshake encryption compliance audit policy role permission scope oauth jwt header "
            + "payload serialization json protobuf grpc rest endpoint version feature flag rollout canary "
            + "experiment cohort conversion funnel checkout cart inventory warehouse shipment carrier tracking")
            .split(" ");
    private static final String SYSTEM = "You are a helpful assistant.\n\nCurrent date: 2025-01-06";
    private static final String[] TITLE_PREFIX = {"How to", "Guide to", "Understanding", "Introduction to", "Advanced"};
    private static final String[] TOPICS = {"Python", "API Design", "Database Optimization", "Caching", "Async Programming"};
    private static final String[] TITLE_SUFFIX = {"Best Practices", "in Production", "for Beginners", "Deep Dive", "Tutorial"};
    private static final String[] SENTENCES = {"This comprehensive guide covers the essential concepts.",
        "Learn how to implement this pattern effectively.", "Performance optimization techniques are discussed in detail.",
        "Step-by-step instructions for getting started.", "Common pitfalls and how to avoid them."};
    private static final String[] FIRST_NAMES = {"Alice", "Bob", "Carol", "David", "Eve", "Frank", "Grace", "Henry"};
    private static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis"};

    private BenchInputs() {
    }

    /** Every input name, synthetic first, then the corpus. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(SYNTHETIC.stream(), CORPUS.stream()).toList();
    }

    public static Input load(String name) {
        if (name.startsWith("corpus.")) {
            return corpus(name);
        }
        ObjectNode request = switch (name) {
            case "search_results_100" -> searchResults(100, 101);
            case "search_results_500" -> searchResults(500, 102);
            case "search_results_1000" -> searchResults(1000, 103);
            case "api_responses_500" -> apiResponses(500, 104);
            case "db_rows_1000" -> dbRows(1000, 105);
            case "string_array_100" -> stringArray(100, 106);
            case "string_array_500" -> stringArray(500, 107);
            case "number_array_200" -> numberArray(200, 108);
            case "mixed_array_250" -> mixedArray(250, 109);
            case SMALL_CHAT -> smallChat();
            default -> throw new IllegalArgumentException("unknown benchmark input: " + name);
        };
        return new Input(name, Endpoint.OPENAI_CHAT, bytes(request));
    }

    private static Input corpus(String name) {
        String resource = "/corpus/" + name.substring("corpus.".length()) + ".json";
        try (InputStream in = BenchInputs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown benchmark input: " + name);
            }
            JsonNode entry = MAPPER.readTree(in);
            Endpoint endpoint = Endpoint.forPath(entry.path("endpoint").asText("/v1/chat/completions"))
                    .orElseThrow(() -> new IllegalStateException("corpus entry without a known endpoint: " + name));
            return new Input(name, endpoint, bytes(entry.get("request")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- synthetic generators -------------------------------------------------------------------

    /**
     * ~100 tokens per item like the original's search-result scenario: scores falling with rank,
     * templated titles and snippets, author metadata, two uuid "needle" items and one failed item.
     */
    static ObjectNode searchResults(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode items = F.arrayNode();
        int needleA = n / 5, needleB = n * 3 / 5, failed = n * 4 / 5;
        for (int i = 0; i < n; i++) {
            ObjectNode it = items.addObject();
            it.put("id", "doc_" + i);
            it.put("score", round(Math.max(0, Math.min(1, Math.max(0.1, 1.0 - i * 0.8 / n) + (r.nextDouble() - 0.5) * 0.1)), 4));
            it.put("title", pick(r, TITLE_PREFIX) + " " + pick(r, TOPICS) + " - " + pick(r, TITLE_SUFFIX));
            String first = pick(r, SENTENCES);
            String second;
            do {
                second = pick(r, SENTENCES);
            } while (second.equals(first));
            it.put("snippet", first + " " + second);
            it.put("source", pick(r, new String[] {"web", "internal", "docs", "api"}));
            ObjectNode meta = it.putObject("metadata");
            meta.put("author", pick(r, FIRST_NAMES) + " " + pick(r, LAST_NAMES));
            meta.put("created_at", timestamp(r, i));
            meta.put("category", pick(r, new String[] {"technical", "guide", "reference", "tutorial"}));
            if (i == needleA || i == needleB) {
                it.put("uuid", new java.util.UUID(r.nextLong(), r.nextLong()).toString());
                it.put("is_needle", true);
            }
            if (i == failed) {
                it.put("error", "Timeout exceeded");
                it.put("status", "failed");
            }
        }
        return chat(SYSTEM, "Analyze the following data.", "get_data", "{}", items);
    }

    /** ~78 tokens per item: JSON:API-style resources of five types, some with a parent relationship. */
    static ObjectNode apiResponses(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode items = F.arrayNode();
        String[] types = {"user", "product", "order", "event", "metric"};
        for (int i = 0; i < n; i++) {
            String type = pick(r, types);
            ObjectNode o = items.addObject();
            o.put("id", i + 1);
            o.put("type", type);
            ObjectNode at = o.putObject("attributes");
            switch (type) {
                case "user" -> at.put("name", pick(r, FIRST_NAMES) + " " + pick(r, LAST_NAMES))
                        .put("email", "user_" + (1000 + r.nextInt(9000)) + "@example.com")
                        .put("status", pick(r, new String[] {"active", "inactive", "pending"}));
                case "product" -> at.put("name", "Product " + (1 + r.nextInt(1000)))
                        .put("price", round(9.99 + r.nextDouble() * 990, 2))
                        .put("category", pick(r, new String[] {"electronics", "books", "clothing"}));
                case "order" -> at.put("total", round(10 + r.nextDouble() * 990, 2))
                        .put("status", pick(r, new String[] {"pending", "shipped", "delivered"}))
                        .put("items_count", 1 + r.nextInt(10));
                case "event" -> at.put("name", pick(r, new String[] {"click", "view", "purchase", "signup"}))
                        .put("source", pick(r, new String[] {"web", "mobile", "api"}));
                default -> at.put("name", pick(r, new String[] {"cpu_usage", "memory", "latency", "requests"}))
                        .put("value", round(r.nextDouble() * 100, 2))
                        .put("unit", pick(r, new String[] {"percent", "ms", "count"}));
            }
            o.putObject("links").put("self", "/api/v1/" + type + "s/" + (i + 1));
            ObjectNode meta = o.putObject("meta");
            meta.put("created_at", timestamp(r, i));
            meta.put("updated_at", timestamp(r, i + r.nextInt(101)));
            if (r.nextDouble() < 0.3) {
                o.putObject("relationships").putObject("parent").put("id", 1 + r.nextInt(Math.max(1, i))).put("type", type);
            }
        }
        return chat(SYSTEM, "Analyze the following data.", "get_data", "{}", items);
    }

    /** ~44 tokens per row: user, metric and transaction rows mixed, three metric anomalies (4 sigma). */
    static ObjectNode dbRows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode rows = F.arrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode row = rows.addObject();
            row.put("id", i + 1);
            switch (r.nextInt(3)) {
                case 0 -> {
                    row.put("username", "user_" + (1000 + r.nextInt(9000)));
                    row.put("email", "user" + i + "@example.com");
                    row.put("created_at", timestamp(r, i));
                    row.put("status", pick(r, new String[] {"active", "inactive", "pending"}));
                    row.put("login_count", r.nextInt(1001));
                    int v = r.nextInt(3);
                    if (v == 2) {
                        row.putNull("is_verified");
                    } else {
                        row.put("is_verified", v == 1);
                    }
                }
                case 1 -> {
                    row.put("metric_name", pick(r, new String[] {"cpu_usage", "memory_mb", "request_count", "latency_ms"}));
                    row.put("value", round(100 + 15 * gaussian(r), 2));
                    row.put("timestamp", timestamp(r, i / 100));
                    row.put("host", String.format(Locale.ROOT, "server-%02d", 1 + r.nextInt(20)));
                    row.put("region", pick(r, new String[] {"us-east-1", "us-west-2", "eu-west-1"}));
                }
                default -> {
                    row.put("user_id", 1 + r.nextInt(10000));
                    row.put("amount", round(-1000 + r.nextDouble() * 2000, 2));
                    row.put("currency", pick(r, new String[] {"USD", "EUR", "GBP"}));
                    row.put("status", pick(r, new String[] {"completed", "pending", "failed"}));
                    row.put("created_at", timestamp(r, i));
                    row.put("reference", "TXN-" + String.format(Locale.ROOT, "%08X", r.nextInt()));
                }
            }
        }
        for (int idx : new int[] {n / 4, n / 2, 3 * n / 4}) {
            ObjectNode row = (ObjectNode) rows.get(idx);
            row.put("metric_name", "latency_ms");
            row.put("value", round(100 + (r.nextBoolean() ? 60 : -60), 2));
            row.put("is_anomaly", true);
        }
        return chat(SYSTEM, "Analyze the following data.", "get_data", "{}", rows);
    }

    /** ~11 tokens per string: worker status lines, one of them a failure. */
    static ObjectNode stringArray(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode lines = F.arrayNode();
        int needle = n / 2;
        for (int i = 0; i < n; i++) {
            lines.add(i == needle ? "worker-" + i + " FAILED job " + (4000 + i) + ": OOMKilled"
                    : "worker-" + i + " finished job " + (4000 + i) + " in " + (50 + r.nextInt(900)) + "ms");
        }
        return chat("You are a build assistant.", "Did any worker fail?",
                "list_jobs", "{\"queue\": \"default\"}", lines);
    }

    /** ~6 tokens per number: a latency series with one spike. */
    static ObjectNode numberArray(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode xs = F.arrayNode();
        int spike = n * 3 / 4;
        for (int i = 0; i < n; i++) {
            xs.add(i == spike ? 9876.54 : round(100 + r.nextDouble() * 40, 2));
        }
        return chat("You are a monitoring assistant.", "Is there a latency spike in this series?",
                "get_metric", "{\"metric\": \"p99_latency_ms\"}", xs);
    }

    /** ~9 tokens per item: strings, numbers, booleans, nulls and small objects interleaved. */
    static ObjectNode mixedArray(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArrayNode xs = F.arrayNode();
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0 -> xs.add(words(r, 4));
                case 1 -> xs.add(r.nextInt(100000));
                case 2 -> xs.add(round(r.nextDouble() * 1000, 3));
                case 3 -> xs.addObject().put("k", WORDS[r.nextInt(WORDS.length)]).put("v", r.nextInt(100));
                default -> {
                    if (r.nextBoolean()) {
                        xs.add(r.nextBoolean());
                    } else {
                        xs.addNull();
                    }
                }
            }
        }
        return chat("You are a helpful assistant.", "Summarise this tool output.",
                "fetch_values", "{}", xs);
    }

    /** A short conversation whose only tool result is a tiny object: nothing worth compressing. */
    static ObjectNode smallChat() {
        ObjectNode result = F.objectNode();
        result.put("city", "Oslo");
        result.put("temp_c", 3);
        result.put("conditions", "light snow");
        return chat("You are a helpful assistant.", "What is the weather in Oslo right now?",
                "weather", "{\"city\": \"Oslo\"}", result);
    }

    private static ObjectNode chat(String system, String question, String tool, String args, JsonNode toolOutput) {
        ObjectNode req = F.objectNode();
        req.put("model", "gpt-4o");
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", question);
        ObjectNode assistant = messages.addObject();
        assistant.put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject();
        call.put("id", "call_1");
        call.put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", args);
        ObjectNode toolMsg = messages.addObject();
        toolMsg.put("role", "tool");
        toolMsg.put("tool_call_id", "call_1");
        toolMsg.put("content", pythonStyle(toolOutput));
        return req;
    }

    /**
     * The tool output as Python's {@code json.dumps} writes it ({@code ", "} and {@code ": "}), as
     * the original's benchmark does, so the token counts are comparable with its table.
     */
    private static String pythonStyle(JsonNode node) {
        com.fasterxml.jackson.core.util.Separators seps = com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withObjectEntrySpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withArrayValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(seps)
                .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter.NopIndenter());
        printer.indentArraysWith(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter.NopIndenter());
        try {
            return MAPPER.writer(printer).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static String pick(SplittableRandom r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    /** 2025-01-01T12:00 plus {@code days} and a random time of day, ISO with a Z. */
    private static String timestamp(SplittableRandom r, int days) {
        return java.time.LocalDateTime.of(2025, 1, 1, 12, 0).plusDays(days)
                .plusHours(r.nextInt(24)).plusMinutes(r.nextInt(60)) + ":00Z";
    }

    /** Standard normal (Box-Muller), from the seeded generator. */
    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

}
