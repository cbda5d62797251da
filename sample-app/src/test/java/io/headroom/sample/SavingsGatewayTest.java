package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proxied requests are priced with the HEADROOM_MODEL_LIMITS override and booked into the durable
 * savings: /stats shows them in the original's shape and /stats-history rolls them up, as JSON or CSV.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(SavingsGatewayTest.FreshLedgerAndPriceOverride.class)
class SavingsGatewayTest {
    /** USD per million input tokens for gpt-4o in this test (the built-in list price is 2.50). */
    static final double GPT4O_INPUT_PRICE = 10.0;

    public static class FreshLedgerAndPriceOverride implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String dir = Files.createTempDirectory("headroom-savings-test").toString();
                return Map.of(
                        "headroom.savings.path", dir + "/proxy_savings.json",
                        "headroom.pricing.model-limits",
                        "{\"openai\": {\"pricing\": {\"gpt-4o\": {\"input\": " + GPT4O_INPUT_PRICE + ", \"output\": 30.0}}}}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void proxiedSavingsArePricedBookedAndRolledUp() {
        JsonPath before = given().get("/stats").then().statusCode(200).extract().jsonPath();
        long lifetimeBefore = before.getLong("persistent_savings.lifetime.tokens_saved");

        Response r = given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/chat/completions");
        r.then().statusCode(200).header("x-headroom-compressed", "true");
        long saved = Long.parseLong(r.header("x-headroom-tokens-saved"));
        assertTrue(saved > 1000, "the example request compresses well");

        JsonPath stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(lifetimeBefore + saved, stats.getLong("persistent_savings.lifetime.tokens_saved"));
        double usd = stats.getDouble("persistent_savings.lifetime.compression_savings_usd");
        assertEquals(saved * GPT4O_INPUT_PRICE / 1e6, usd, 1e-9, "priced with the override, not the built-in");
        long input = stats.getLong("tokens.input");
        assertTrue(input > 0 && input < saved, "forwarded input tokens");
        assertEquals(input * GPT4O_INPUT_PRICE / 1e6, stats.getDouble("cost.total_cost_usd"), 1e-9);
        assertEquals(usd, stats.getDouble("cost.total_savings_usd"), 1e-9);
        assertEquals(saved, stats.getLong("tokens.saved"));
        assertTrue(stats.getLong("requests.total") >= 1);
        assertEquals(0, stats.getLong("requests.rate_limited"));
        assertTrue(stats.getLong("cache.entries") >= 1, "the original went to CCR");
        assertNull(stats.get("budget"), "no budget configured");

        // the original's document: lifetime, hourly history points and every roll-up, whatever series is asked
        JsonPath history = given().get("/stats-history").then().statusCode(200).extract().jsonPath();
        assertEquals(1, history.getLong("lifetime.requests"));
        assertEquals(saved, history.getLong("lifetime.tokens_saved"));
        assertEquals(input, history.getLong("lifetime.total_input_tokens"));
        assertEquals(1, history.getList("history").size());
        assertTrue(history.getString("history[0].timestamp").endsWith(":00:00Z"));
        assertEquals(saved, history.getLong("history[0].total_tokens_saved"));
        for (String series : new String[] {"hourly", "daily", "weekly", "monthly"}) {
            assertEquals(1, history.getList("series." + series).size(), series);
            assertEquals(saved, history.getLong("series." + series + "[0].tokens_saved"), series);
            assertEquals(saved, history.getLong("series." + series + "[0].total_tokens_saved"), series);
        }
        assertEquals(history.getString("history[0].timestamp").substring(0, 10) + "T00:00:00Z",
                history.getString("series.daily[0].timestamp"));
        assertEquals(java.util.List.of("history", "hourly", "daily", "weekly", "monthly"),
                history.getList("exports.available_series"));

        String csv = given().get("/stats-history?format=csv&series=monthly").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"headroom-stats-history-monthly.csv\""))
                .extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("timestamp,tokens_saved,compression_savings_usd_delta,total_tokens_saved"), lines[0]);
        // the month's deltas, then the running totals at its end
        assertTrue(lines[1].matches("\\d{4}-\\d{2}-01T00:00:00Z," + saved + ",[0-9.]+," + saved + ",[0-9.]+,"
                + input + "," + input + ",[0-9.]+,[0-9.]+"), lines[1]);
        String[] historyCsv = given().get("/stats-history?format=csv").then().statusCode(200)
                .extract().asString().split("\n");
        assertEquals("timestamp,total_tokens_saved,compression_savings_usd,total_input_tokens,total_input_cost_usd",
                historyCsv[0], "the default series is history");
        assertEquals(2, historyCsv.length);
    }

    @Test
    void unknownPeriodOrFormatIsAValidationError() {
        given().get("/stats-history?series=yearly").then().statusCode(400)
                .body("error.type", equalTo("validation_error"));
        given().get("/stats-history?format=xml").then().statusCode(400)
                .body("error.type", equalTo("validation_error"));
    }
}
