package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: a request the provider rejected (401) booked $17.72 against a $5 budget and locked every
 * tenant out. Spend is now booked from the provider's answer: the usage it reports (JSON and the final usage
 * chunk of a stream), the estimate only on a 2xx, nothing for a rejected request; each caller also has its
 * own daily budget, and the global one still holds.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(BudgetBookingGatewayTest.GlobalAndTenantBudgets.class)
class BudgetBookingGatewayTest {
    private static final String SMALL = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello.\"}]}";

    public static class GlobalAndTenantBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String dir = Files.createTempDirectory("headroom-budget-booking").toString();
                return Map.of("headroom.savings.path", dir + "/proxy_savings.json",
                        "headroom.budget", "5", "headroom.tenant-budget", "2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @InjectUpstreamStub
    UpstreamStub upstream;

    private static RequestSpecification as(String key) {
        RequestSpecification r = given().contentType("application/json");
        return key == null ? r : r.header("Authorization", "Bearer " + key);
    }

    /** /stats once its budget.used_usd satisfies {@code ready} (booking follows the answer asynchronously). */
    private static JsonPath statsWhen(DoublePredicate ready) throws InterruptedException {
        JsonPath stats = null;
        for (int i = 0; i < 200; i++) {
            stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
            if (ready.test(stats.getDouble("budget.used_usd"))) {
                return stats;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("budget.used_usd never got there: " + stats.prettify());
    }

    @Test
    void spendIsBookedFromTheProvidersAnswerOnlyAndPerTenant() throws Exception {
        // a large request the provider rejects: nothing booked, nobody locked out
        String large = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "Summarise the incident report. ".repeat(40_000) + "\"}]}";
        for (int i = 0; i < 3; i++) {
            as("sk-tenant-a-not-real").header("x-stub-status", "401").body(large).post("/v1/chat/completions")
                    .then().statusCode(401);
        }
        given().header("x-stub-status", "500").contentType("application/json").body(large).post("/v1/messages")
                .then().statusCode(500);
        as("sk-tenant-a-not-real").body(SMALL).header("x-stub-status", "429").post("/v1/chat/completions")
                .then().statusCode(429).body("error.type", equalTo("rate_limit_error"));
        JsonPath afterRejections = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(0.0, afterRejections.getDouble("budget.used_usd"), "rejected requests cost nothing");
        assertEquals(false, afterRejections.getBoolean("budget.exceeded"));

        // tenant A: 1M input tokens reported = 2.50 USD at gpt-4o prices, over its own 2 USD
        as("sk-tenant-a-not-real").header("x-stub-usage", "1000000,0").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(200);
        statsWhen(used -> Math.abs(used - 2.50) < 1e-9);
        as("sk-tenant-a-not-real").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(429).body("error.type", equalTo("budget_exceeded"))
                .body("error.message", containsString("per tenant"));

        // tenant B is not locked out by A: 100k in + 10k out = 0.25 + 0.10 USD (Anthropic shape, output priced)
        upstream.clear();
        as("sk-tenant-b-not-real").header("x-stub-usage", "100000,10000").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(200);
        assertEquals(1, upstream.received().size());
        statsWhen(used -> Math.abs(used - 2.85) < 1e-9);

        // a stream books the usage of its final chunk: 40k in = 0.10 USD
        String streaming = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi.\"}]}";
        as("sk-tenant-b-not-real").header("x-stub-usage", "40000,0").body(streaming).post("/v1/chat/completions")
                .then().statusCode(200).body(containsString("[DONE]"));
        statsWhen(used -> Math.abs(used - 2.95) < 1e-9);

        // a 2xx answer without usage books the request's estimated tokens (anonymous callers are one tenant)
        as(null).body(SMALL).post("/v1/chat/completions").then().statusCode(200);
        JsonPath estimated = statsWhen(used -> used > 2.95 + 1e-9);
        assertTrue(estimated.getDouble("budget.used_usd") < 2.96, "a few tokens: " + estimated.getDouble("budget.used_usd"));
        assertEquals(2.0, estimated.getDouble("budget.per_tenant.limit_usd"));
        assertEquals(1, estimated.getInt("budget.per_tenant.tenants_exceeded"));

        // the global budget still holds: B's next 2.50 USD takes the day over 5 USD, for every caller
        as("sk-tenant-b-not-real").header("x-stub-usage", "1000000,0").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(200);
        statsWhen(used -> used > 5.0);
        for (String key : new String[] {null, "sk-tenant-c-not-real"}) {
            as(key).body(SMALL).post("/v1/chat/completions")
                    .then().statusCode(429).body("error.message", containsString("daily budget of 5.00"));
        }
    }
}
