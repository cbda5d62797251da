package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.QuarkusUnitTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With quarkus-micrometer (Prometheus) in the application, Headroom's meters are on its own /q/metrics. */
class HeadroomMetersTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void requestsThroughTheRouteFilterAreCountedOnQMetrics() {
        given().contentType("application/json").body(Fixtures.openAiChatRequest())
                .post("/vertx/v1/chat/completions").then().statusCode(200).header("x-headroom-compressed", "true");
        given().contentType("application/json").header("x-headroom-bypass", "true").body(Fixtures.openAiChatRequest())
                .post("/vertx/v1/chat/completions").then().statusCode(200);

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();

        assertEquals(1.0, value(metrics, "headroom_requests_total\\{mode=\"optimize\",?\\}"), metrics);
        assertEquals(1.0, value(metrics, "headroom_requests_compressed_total"));
        assertTrue(value(metrics, "headroom_tokens_saved_total") > 0);
        assertTrue(value(metrics, "headroom_tokens_before_total") > value(metrics, "headroom_tokens_after_total"));
        assertTrue(value(metrics, "headroom_ccr_stored_total") > 0);
        assertEquals(1.0, value(metrics, "headroom_requests_passed_total\\{reason=\"bypass\",?\\}"));
        assertEquals(0.0, value(metrics, "headroom_retrieve_rounds_total"));
        assertTrue(metrics.contains("headroom_latency_seconds_bucket"), "latency histogram");
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        assertTrue(m.find(), () -> series + " not in /q/metrics: " + text.lines()
                .filter(l -> l.startsWith("headroom")).toList());
        return Double.parseDouble(m.group(1));
    }
}
