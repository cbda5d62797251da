package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.host.StatsDocument;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14 item 4: {@code quarkus.headroom.stats.enabled} serves the numbers of the gateway's /stats, to loopback. */
class HeadroomStatsEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class,
                    RawHttp.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.stats.enabled", "true");

    @Inject
    Headroom headroom;

    @Test
    void loopbackCallersGetTheNumbersOfHeadroomStats() throws Exception {
        given().contentType("application/json").body(Fixtures.openAiChatRequest())
                .post("/vertx/v1/chat/completions").then().statusCode(200).header("x-headroom-compressed", "true");
        given().contentType("application/json").body(Fixtures.openAiChatRequest())
                .post("/v1/chat/completions").then().statusCode(200).header("x-headroom-compressed", "true");
        given().contentType("application/json").header("x-headroom-bypass", "true").body(Fixtures.openAiChatRequest())
                .post("/vertx/v1/chat/completions").then().statusCode(200);

        Response r = given().get("/headroom/stats");

        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/json", r.contentType());
        assertEquals("no-store", r.header("cache-control"));
        JsonNode stats = Fixtures.JSON.readTree(r.asString());
        JsonNode engine = StatsDocument.of(headroom.stats(), Map.of());
        assertEquals(engine.path("tokens").toString(), stats.path("tokens").toString());
        assertEquals(engine.path("cache").toString(), stats.path("cache").toString());
        assertEquals(engine.path("retrieve").toString(), stats.path("retrieve").toString());
        assertEquals(2, stats.path("requests").path("compressed").asLong());
        assertEquals(headroom.stats().requestsTotal(), stats.path("requests").path("total").asLong());
        assertEquals(1, stats.path("requests").path("passed_through").path("bypass").asLong());
        assertTrue(stats.path("tokens").path("saved").asLong() > 0);
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        String answer = RawHttp.get(RestAssured.port, "/headroom/stats", "evil.example");
        assertTrue(answer.startsWith("HTTP/1.1 403"), "a DNS-rebinding Host: " + answer);
        assertTrue(!answer.contains("\"tokens\""), answer);
    }
}
