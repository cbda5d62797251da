package io.headroom.corpus.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Every case of the corpus: its request, its needles and what is expected of it. Each case draws from its own
 * {@link Random} seeded with the corpus seed and its name, so adding or changing one case leaves the others' bytes
 * alone. {@code min_savings} is a floor well below what the compressors reach, to catch regressions, not to tune.
 */
final class CorpusCatalog {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CHAT = "/v1/chat/completions";
    private static final String GPT = "gpt-4o";
    private static final String LOGS_QUESTION = "The service went down around 10am. Find the error, its error code and the request id.";
    private static final String ROWS_QUESTION = "Are there any accounts with a problem? Give the customer id.";

    private final long seed;

    CorpusCatalog(long seed) {
        this.seed = seed;
    }

    List<GeneratedCase> cases() {
        return List.of(anthropicMessages(), dbRows(), filePaths(), grep(), html(), jsonLogs(100), jsonLogs(1000),
                longConversation(), malformed(), metrics(), pytestLog(), responsesApi(), searchResults(), shortCase(),
                userJson());
    }

    private GeneratedCase anthropicMessages() {
        String name = "anthropic_messages_600";
        ToolOutput logs = ToolOutputs.jsonLogs(random(name), 600);
        String model = "claude-sonnet-4-5";
        return new GeneratedCase(name, "/v1/messages", model, LOGS_QUESTION, 0, compressed(logs, 75),
                Requests.anthropicWithToolUse(model, "You are an SRE assistant.", LOGS_QUESTION, "query_logs", "since",
                        "2026-03-14T09:00:00Z", logs.text()));
    }

    private GeneratedCase dbRows() {
        return chatCase("db_rows_1000", "You are a billing analyst.", ROWS_QUESTION, "sql_query",
                "{\"sql\": \"select * from accounts\"}", ToolOutputs.accountRows(random("db_rows_1000"), 1000), 80);
    }

    private GeneratedCase filePaths() {
        return chatCase("file_paths_800", "You help navigate a codebase.", "Which file validates CSRF tokens?",
                "list_files", "{\"glob\": \"**/*.java\"}", ToolOutputs.filePaths(random("file_paths_800"), 800), 60);
    }

    private GeneratedCase grep() {
        return chatCase("grep_1200", "You help navigate a codebase.", "Where is reconcile_ledger_entries defined?",
                "grep", "{\"pattern\": \"process|reconcile\"}", ToolOutputs.grepLines(random("grep_1200"), 1200), 50);
    }

    private GeneratedCase html() {
        return chatCase("html_60", "You read web pages.", "What is the breaking change in release 4.2?", "fetch_url",
                "{\"url\": \"https://example.org/releases/4.2\"}", ToolOutputs.releaseNotesPage(random("html_60"), 60), 50);
    }

    private GeneratedCase jsonLogs(int count) {
        String name = "json_logs_" + count;
        return chatCase(name, "You are an SRE assistant.", LOGS_QUESTION, "query_logs",
                "{\"since\": \"2026-03-14T09:00:00Z\"}", ToolOutputs.jsonLogs(random(name), count), 75);
    }

    /** 40 steps of an agent reading a module each: only fitting the token budget (rolling window) can save here. */
    private GeneratedCase longConversation() {
        String name = "long_conversation_40";
        Random rnd = random(name);
        String system = "You are a coding agent working in a monorepo.";
        String question = "Final step: which module defines f" + rnd.nextInt(40) + "_" + rnd.nextInt(120) + "?";
        int budget = 24_000;
        ObjectNode request = Requests.chat(GPT);
        ArrayNode messages = request.withArray("messages");
        Requests.message(messages, "system", system);
        for (int step = 0; step < 40; step++) {
            String id = "call_" + step;
            Requests.message(messages, "user", "Step " + step + ": inspect module m" + step + " and report its public functions.");
            Requests.toolCall(messages, id, "read_file", "{\"path\": \"m" + step + ".py\"}");
            Requests.toolResult(messages, id, ToolOutputs.pythonModule(step, 120).text());
            Requests.message(messages, "assistant", "Module m" + step + " defines f" + step + "_0 .. f" + step + "_119.");
        }
        Requests.message(messages, "user", question);
        ObjectNode expect = JSON.objectNode();
        mustKeep(expect, List.of(question, system));
        expect.put("fits_budget", budget);
        expect.put("tool_pairs_intact", true);
        expect.put("min_savings", 30);
        return new GeneratedCase(name, CHAT, GPT, question, budget, expect, request);
    }

    private GeneratedCase malformed() {
        String question = "Summarize the results.";
        return new GeneratedCase("malformed_400", CHAT, GPT, question, 0, unchanged(),
                Requests.chatWithToolCall(GPT, "You are helpful.", question, "search", "{\"q\": \"x\"}",
                        ToolOutputs.truncatedJson(400).text()));
    }

    private GeneratedCase metrics() {
        return chatCase("metrics_720", "You are a monitoring assistant.",
                "Was there a latency spike in the last 12 hours? What was the peak value?", "get_metric",
                "{\"name\": \"p99_latency_ms\"}", ToolOutputs.latencySeries(random("metrics_720"), 720), 60);
    }

    private GeneratedCase pytestLog() {
        String name = "pytest_log_1500";
        ToolOutput log = ToolOutputs.pytestRun(random(name), 1500);
        String model = "claude-sonnet-4-5";
        String question = "Why is CI red?";
        return new GeneratedCase(name, CHAT, model, question, 0, compressed(log, 80),
                Requests.chatWithToolCall(model, "You are a CI assistant.", question, "run_tests",
                        "{\"cmd\": \"pytest\"}", log.text()));
    }

    private GeneratedCase responsesApi() {
        String name = "responses_api_800";
        ToolOutput rows = ToolOutputs.accountRows(random(name), 800);
        return new GeneratedCase(name, "/v1/responses", GPT, ROWS_QUESTION, 0, compressed(rows, 80),
                Requests.responsesWithFunctionCall(GPT, "You are a billing analyst.", ROWS_QUESTION, "sql_query",
                        "{\"sql\": \"select * from accounts\"}", rows.text()));
    }

    /** The question comes after the tool output, as when an agent searches first and the user asks next. */
    private GeneratedCase searchResults() {
        String name = "search_results_500";
        ToolOutput results = ToolOutputs.searchResults(random(name), 500);
        String question = "Which result explains how the rate limiter validates JWTs? Give its url.";
        ObjectNode request = Requests.chatWithToolCall(GPT, "You analyze search results.", "Search the docs.",
                "search_docs", "{\"q\": \"python\"}", results.text());
        Requests.message(request.withArray("messages"), "user", question);
        return new GeneratedCase(name, CHAT, GPT, question, 0, compressed(results, 75), request);
    }

    /** Under the 200-token floor: passes through untouched. */
    private GeneratedCase shortCase() {
        String question = "What is the weather?";
        return new GeneratedCase("short_1", CHAT, GPT, question, 0, unchanged(),
                Requests.chatWithToolCall(GPT, "You are helpful.", question, "weather", "{\"city\": \"Oslo\"}",
                        "{\"city\": \"Oslo\", \"temp_c\": 3, \"conditions\": \"light snow\"}"));
    }

    /** JSON pasted by the user: user text is never compressed, however compressible it looks. */
    private GeneratedCase userJson() {
        String name = "user_json_300";
        String question = "Here is our inventory, tell me which SKUs are at zero: "
                + ToolOutputs.inventory(random(name), 300).text();
        ObjectNode request = Requests.chat(GPT);
        ArrayNode messages = request.withArray("messages");
        Requests.message(messages, "system", "You are helpful.");
        Requests.message(messages, "user", question);
        ObjectNode expect = unchanged();
        expect.putArray("protected_roles").add("user").add("system");
        return new GeneratedCase(name, CHAT, GPT, question, 0, expect, request);
    }

    private GeneratedCase chatCase(String name, String system, String question, String tool, String arguments,
            ToolOutput output, int minSavings) {
        return new GeneratedCase(name, CHAT, GPT, question, 0, compressed(output, minSavings),
                Requests.chatWithToolCall(GPT, system, question, tool, arguments, output.text()));
    }

    private static ObjectNode compressed(ToolOutput output, int minSavings) {
        ObjectNode expect = JSON.objectNode();
        mustKeep(expect, output.needles());
        expect.put("min_savings", minSavings);
        return expect;
    }

    private static ObjectNode unchanged() {
        return JSON.objectNode().put("unchanged", true);
    }

    private static void mustKeep(ObjectNode expect, List<String> needles) {
        ArrayNode keep = expect.putArray("must_keep");
        needles.forEach(keep::add);
    }

    private Random random(String caseName) {
        return new Random(seed * 31 + caseName.hashCode());
    }
}
