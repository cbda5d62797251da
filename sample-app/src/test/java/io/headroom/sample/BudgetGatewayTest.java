package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Once today's estimated spend passes HEADROOM_BUDGET, LLM calls get 429 budget_exceeded and never reach the upstream. */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(BudgetGatewayTest.TinyBudget.class)
class BudgetGatewayTest {
    static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the incident.\"}]}";

    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String dir = Files.createTempDirectory("headroom-budget-test").toString();
                // one gpt-4o request of a few tokens costs about 0.00001 USD at 2.50/MTok
                return Map.of("headroom.savings.path", dir + "/proxy_savings.json",
                        "headroom.budget", "0.000001");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @InjectUpstreamStub
    UpstreamStub upstream;

    @Test
    void requestsOverTheDailyBudgetAreRefusedWithoutCallingTheUpstream() {
        JsonPath fresh = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(false, fresh.getBoolean("budget.exceeded"));
        assertEquals(0.000001, fresh.getDouble("budget.limit_usd"), 1e-12);

        upstream.clear();
        given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                .body(CHAT).post("/v1/chat/completions")
                .then().statusCode(200);
        assertEquals(1, upstream.received().size(), "within budget: forwarded");

        for (String path : new String[] {"/v1/chat/completions", "/v1/messages", "/v1/responses"}) {
            given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                    .body(CHAT).post(path)
                    .then().statusCode(429)
                    .body("error.type", equalTo("budget_exceeded"))
                    .body("error.message", containsString("daily budget"))
                    // each provider's own error shape on its route
                    .body("type", path.equals("/v1/messages") ? equalTo("error") : nullValue())
                    .body("error.code", path.equals("/v1/messages") ? nullValue() : equalTo("budget_exceeded"));
        }
        assertEquals(1, upstream.received().size(), "over budget: the upstream is not called");

        JsonPath stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertTrue(stats.getBoolean("budget.exceeded"));
        assertEquals("daily", stats.getString("budget.period"));
        assertTrue(stats.getDouble("budget.used_usd") > 0.000001);
        assertEquals(0.0, stats.getDouble("budget.remaining_usd"));
        assertEquals(3, stats.getLong("requests.rate_limited"));

        // compression-only and status endpoints call no LLM and stay available
        given().get("/health").then().statusCode(200);
        given().contentType("application/json")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/compress").then().statusCode(200);
    }
}
