package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.headroom.host.TenantScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: the per-tenant spend was kept only in memory, so a tenant over its budget got a fresh one
 * by waiting for (or causing) a restart. A gateway's tracker books two tenants and shuts down; the gateway
 * started on the same savings file still refuses the tenant over its budget, and, with the day's tenant cap
 * reached, budgets every new caller against the one shared overflow tenant.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(TenantSpendRestartGatewayTest.SpendBeforeTheRestart.class)
class TenantSpendRestartGatewayTest {
    private static final String SMALL = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello.\"}]}";

    /** The previous gateway's savings file: written by the same tracker the gateway runs, then closed. */
    static final class PreviousRun {
        static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC);
        static final Path FILE = bookAndShutDown();

        private static Path bookAndShutDown() {
            try {
                Path file = Files.createTempDirectory("headroom-tenant-spend-restart").resolve("proxy_savings.json");
                SavingsTracker previous = new SavingsTracker(file.toString(), Duration.ofHours(1), Duration.ofDays(90),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(2.0), 2,
                        new io.headroom.sample.stats.RequestLog());
                // gpt-4o input is 2.50 USD per million tokens
                previous.bookSpend(TenantScope.ofCredential("sk-tenant-a-not-real"), "gpt-4o", 1_000_000, 0);
                previous.bookSpend(TenantScope.ofCredential("sk-tenant-b-not-real"), "gpt-4o", 40_000, 0);
                previous.close();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class SpendBeforeTheRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.savings.path", PreviousRun.FILE.toString(),
                    "headroom.tenant-budget", "2", "headroom.savings.max-tenants", "2");
        }
    }

    @InjectUpstreamStub
    UpstreamStub upstream;

    private static RequestSpecification as(String key) {
        return given().contentType("application/json").header("Authorization", "Bearer " + key);
    }

    private static JsonPath statsWhenExceeded(int tenants) throws InterruptedException {
        JsonPath stats = null;
        for (int i = 0; i < 200; i++) {
            stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
            if (stats.getInt("budget.per_tenant.tenants_exceeded") == tenants) {
                return stats;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tenants_exceeded never reached " + tenants + ": " + stats.prettify());
    }

    @Test
    void aTenantOverItsBudgetStaysRefusedAfterARestart() throws Exception {
        assumeTrue(PreviousRun.DAY.equals(LocalDate.now(ZoneOffset.UTC)), "the UTC day changed since the booking");

        JsonPath restarted = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(2, restarted.getInt("budget.per_tenant.tenants_today"));
        assertEquals(1, restarted.getInt("budget.per_tenant.tenants_exceeded"));

        upstream.clear();
        as("sk-tenant-a-not-real").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(429).body("error.type", equalTo("budget_exceeded"))
                .body("error.message", containsString("per tenant"));
        assertEquals(0, upstream.received().size(), "refused without calling the upstream");
        as("sk-tenant-b-not-real").body(SMALL).post("/v1/chat/completions").then().statusCode(200);

        // the day's two tenant entries are taken: C is booked under the shared overflow, which D then shares
        as("sk-tenant-c-not-real").header("x-stub-usage", "1000000,0").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(200);
        JsonPath afterC = statsWhenExceeded(2);
        assertEquals(3, afterC.getInt("budget.per_tenant.tenants_today"), "A, B and the overflow");
        upstream.clear();
        as("sk-tenant-d-not-real").body(SMALL).post("/v1/chat/completions")
                .then().statusCode(429).body("error.type", equalTo("budget_exceeded"));
        assertEquals(0, upstream.received().size());
    }
}
