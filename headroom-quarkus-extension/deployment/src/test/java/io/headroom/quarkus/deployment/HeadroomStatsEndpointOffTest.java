package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stats endpoint is off unless asked for; a custom path is honoured. */
class HeadroomStatsEndpointOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.stats.path", "/ops/headroom");

    @Test
    void offByDefaultEvenWithAPathSet() {
        given().get("/headroom/stats").then().statusCode(404);
        given().get("/ops/headroom").then().statusCode(404);
    }
}
