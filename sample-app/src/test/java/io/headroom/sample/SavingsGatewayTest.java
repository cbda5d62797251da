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

        JsonPath hourly = given().get("/stats-history?period=hourly").then().statusCode(200)
                .body("period", equalTo("hourly")).extract().jsonPath();
        assertEquals(1, hourly.getList("series").size());
        assertEquals(saved, hourly.getLong("series[0].tokens_saved"));
        assertTrue(hourly.getString("series[0].period_start").endsWith(":00:00Z"));

        given().get("/stats-history").then().statusCode(200)
                .body("period", equalTo("daily"))
                .body("series[0].period_start", startsWith(hourly.getString("series[0].period_start").substring(0, 10)))
                .body("lifetime.requests", equalTo(1));

        String csv = given().get("/stats-history?format=csv&series=monthly").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("period,period_start,requests,tokens_saved,compression_savings_usd"), lines[0]);
        assertTrue(lines[1].startsWith("monthly,") && lines[1].contains(",1," + saved + ","), lines[1]);
    }

    @Test
    void unknownPeriodOrFormatIsAValidationError() {
        given().get("/stats-history?period=yearly").then().statusCode(400)
                .body("error.type", equalTo("validation_error"));
        given().get("/stats-history?format=xml").then().statusCode(400)
                .body("error.type", equalTo("validation_error"));
    }
}
