package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}, {@code /stats} and {@code /stats-history} over real HTTP in the original proxy's names, labels,
 * shapes, defaults and content types, with the values a proxied request should leave in them.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class OriginalStatsShapeGatewayTest {
    private static final long OUTPUT_TOKENS = 7;

    @Test
    void metricsAreTheOriginalsPrometheusTextWhateverTheClientAccepts() {
        Map<String, Double> before = samples(scrape());
        Response chat = proxiedChat();
        auditedChat();
        awaitStats(s -> outputLogged(s));

        Response r = given().accept("*/*").get("/metrics");
        r.then().statusCode(200);
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.contentType(), "not OpenMetrics for */*");
        String text = r.asString();
        Map<String, Double> after = samples(text);

        assertTrue(after.containsKey("headroom_requests_total"), "one unlabelled requests counter");
        assertFalse(text.contains("headroom_requests_total{"), "no mode label on requests_total");
        JsonPath stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(stats.getLong("persistent_savings.lifetime.tokens_saved"),
                after.get("headroom_persistent_savings_tokens_saved_total").longValue());
        assertEquals(stats.getLong("persistent_savings.lifetime.requests"),
                after.get("headroom_persistent_savings_requests_total").longValue());
        long saved = Long.parseLong(chat.header("x-headroom-tokens-saved"));
        assertEquals(saved, after.get("headroom_tokens_saved_total") - before.get("headroom_tokens_saved_total"));
        // both answers report OUTPUT_TOKENS; the compressed one came through the retrieve loop's relay, whose usage
        // is read too (it counted 0 before)
        assertEquals(2 * OUTPUT_TOKENS, after.get("headroom_tokens_output_total") - before.get("headroom_tokens_output_total"));
        assertEquals(2.0, after.get("headroom_requests_by_provider{provider=\"openai\"}")
                - before.getOrDefault("headroom_requests_by_provider{provider=\"openai\"}", 0.0));
        assertEquals(2.0, after.get("headroom_requests_by_model{model=\"gpt-4o\"}")
                - before.getOrDefault("headroom_requests_by_model{model=\"gpt-4o\"}", 0.0));
        assertEquals(2.0, after.get("headroom_latency_ms_count") - before.get("headroom_latency_ms_count"));
        assertTrue(after.get("headroom_latency_ms_max") > 0);
        assertTrue(after.get("headroom_ttfb_ms_count") >= 1);
        assertTrue(after.get("headroom_overhead_ms_count") >= 1);
        // the gateway's own histograms stay, and no family is named twice in one exposition
        assertTrue(text.contains("headroom_compression_ratio_bucket{le=\"0.5\""));
        List<String> types = text.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
        assertEquals(types.size(), types.stream().distinct().count(), "duplicate families");
    }

    @Test
    void statsCarryTheOriginalsBlocksAndRecentRequests() {
        Response chat = proxiedChat();
        Response audited = auditedChat();
        JsonPath s = awaitStats(OriginalStatsShapeGatewayTest::outputLogged);

        assertEquals(0, s.getLong("requests.cached"));
        assertTrue(s.getLong("requests.by_provider.openai") >= 1, s.prettify());
        assertTrue(s.getLong("requests.by_model.gpt-4o") >= 1);
        assertTrue(s.getLong("tokens.output") >= OUTPUT_TOKENS);
        assertEquals(s.getLong("tokens.saved"), s.getLong("tokens.proxy_compression_saved"));
        for (String block : new String[] {"latency", "overhead", "ttfb"}) {
            assertTrue(s.getDouble(block + ".average_ms") > 0, block);
            assertTrue(s.getDouble(block + ".max_ms") >= s.getDouble(block + ".min_ms"), block);
        }
        assertTrue(s.getLong("latency.total_requests") >= 1);
        assertTrue(s.getLong("compression.ccr_entries") >= 1);
        assertTrue(s.getLong("compression.ccr_max_entries") > 0);

        List<Map<String, Object>> recent = s.getList("recent_requests");
        Map<String, Object> last = entry(recent, e -> ((Number) e.get("tokens_saved")).longValue() > 0);
        assertEquals("openai", last.get("provider"));
        assertEquals("gpt-4o", last.get("model"));
        long before = Long.parseLong(chat.header("x-headroom-tokens-before"));
        long after = Long.parseLong(chat.header("x-headroom-tokens-after"));
        assertEquals(before, ((Number) last.get("input_tokens_original")).longValue());
        assertEquals(after, ((Number) last.get("input_tokens_optimized")).longValue());
        assertEquals(before - after, ((Number) last.get("tokens_saved")).longValue());
        assertTrue(((Number) last.get("total_latency_ms")).doubleValue() > 0);
        assertFalse(((List<?>) last.get("transforms_applied")).isEmpty());
        assertTrue(last.get("request_id") instanceof String id && !id.isBlank());

        Map<String, Object> auditEntry = entry(recent, e -> outputOf(e) == OUTPUT_TOKENS && savedOf(e) == 0);
        long auditTokens = Long.parseLong(audited.header("x-headroom-tokens-before"));
        assertEquals(auditTokens, ((Number) auditEntry.get("input_tokens_original")).longValue());
        assertEquals(auditTokens, ((Number) auditEntry.get("input_tokens_optimized")).longValue(), "forwarded as sent");
        assertEquals(0, ((Number) auditEntry.get("tokens_saved")).longValue());
        assertEquals(OUTPUT_TOKENS, ((Number) auditEntry.get("output_tokens")).longValue(), "the provider's usage");
        assertTrue(((List<?>) auditEntry.get("transforms_applied")).isEmpty());
        assertFalse(auditEntry.get("request_id").equals(last.get("request_id")));
    }

    @Test
    void resetStartsStatsAgainButMetricsStayMonotonic() {
        proxiedChat();
        awaitStats(s -> !s.getList("recent_requests").isEmpty());
        double countBefore = samples(scrape()).get("headroom_latency_ms_count");

        given().post("/stats/reset").then().statusCode(200);
        JsonPath s = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(0, s.getList("recent_requests").size());
        assertEquals(0, s.getLong("latency.total_requests"));
        assertEquals(0, s.getMap("requests.by_model").size());
        assertEquals(countBefore, samples(scrape()).get("headroom_latency_ms_count"), "Prometheus counters never go down");
    }

    @Test
    void statsHistoryDefaultsToTheOriginalsDocumentAndAcceptsSeriesHistory() {
        JsonPath doc = given().get("/stats-history").then().statusCode(200).extract().jsonPath();
        assertEquals(3, doc.getInt("schema_version"));
        assertTrue(doc.get("history") instanceof List, "history is the list of points");
        for (String series : new String[] {"hourly", "daily", "weekly", "monthly"}) {
            assertTrue(doc.get("series." + series) instanceof List, series);
        }
        assertEquals("json", doc.getString("exports.default_format"));
        assertEquals("compact", doc.getString("history_summary.mode"));

        given().get("/stats-history?series=history").then().statusCode(200);
        given().get("/stats-history?series=daily&history_mode=none").then().statusCode(200)
                .body("history_summary.returned_points", org.hamcrest.Matchers.equalTo(0));
        given().get("/stats-history?format=csv&series=history").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"headroom-stats-history-history.csv\"");
    }

    private static Response proxiedChat() {
        Response r = given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-stub-usage", "100," + OUTPUT_TOKENS)
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/chat/completions");
        r.then().statusCode(200).header("x-headroom-compressed", "true");
        return r;
    }

    /** The same request in audit mode: forwarded as sent, so the gateway relays the answer (and reads its usage). */
    private static Response auditedChat() {
        Response r = given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-headroom-mode", "audit")
                .header("x-stub-usage", "100," + OUTPUT_TOKENS)
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/chat/completions");
        r.then().statusCode(200).header("x-headroom-compressed", "false");
        return r;
    }

    /** Both requests are logged: a compressed one and the audited one that reported {@link #OUTPUT_TOKENS}. */
    private static boolean outputLogged(JsonPath s) {
        List<Map<String, Object>> recent = s.getList("recent_requests");
        return recent.stream().anyMatch(e -> outputOf(e) == OUTPUT_TOKENS && savedOf(e) == 0)
                && recent.stream().anyMatch(e -> outputOf(e) == OUTPUT_TOKENS && savedOf(e) > 0);
    }

    private static long outputOf(Map<String, Object> entry) {
        return ((Number) entry.get("output_tokens")).longValue();
    }

    private static long savedOf(Map<String, Object> entry) {
        return ((Number) entry.get("tokens_saved")).longValue();
    }

    /** The newest entry matching {@code which}. */
    private static Map<String, Object> entry(List<Map<String, Object>> recent,
                                             java.util.function.Predicate<Map<String, Object>> which) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (which.test(recent.get(i))) {
                return recent.get(i);
            }
        }
        throw new AssertionError("no such entry in " + recent);
    }

    private static String scrape() {
        return given().get("/metrics").then().statusCode(200).extract().asString();
    }

    /** Every sample line of an exposition: name with labels, value. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> out = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*\\})?) (\\S+)$").matcher(text);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /**
     * {@code /stats} once {@code ready} holds: a request is logged when its answer has ended, off the event loop,
     * so the response can reach the client first. Bounded (10 s), never a timing assertion.
     */
    private static JsonPath awaitStats(java.util.function.Predicate<JsonPath> ready) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonPath s;
        do {
            s = given().get("/stats").then().statusCode(200).extract().jsonPath();
            if (ready.test(s)) {
                return s;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("/stats never showed the request: " + s.prettify());
    }
}
