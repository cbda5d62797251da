package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.headroom.stats.path} moves the endpoint, under the application's root path. */
class HeadroomStatsEndpointPathTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.headroom.stats.enabled", "true")
            .overrideConfigKey("quarkus.headroom.stats.path", "/ops/headroom");

    @Test
    void servedAtTheConfiguredPathUnderTheRootPath() {
        given().get("/ops/headroom").then().statusCode(200).body("tokens.saved", notNullValue());
        given().get("/headroom/stats").then().statusCode(404);
    }
}
