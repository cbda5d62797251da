package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With SmallRye Health on the classpath, /q/health/ready carries the headroom check, UP. */
class HeadroomReadinessTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.mode", "audit");

    @Test
    void readinessReportsHeadroomUp() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("headroom"))
                .body("checks.find { it.name == 'headroom' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'headroom' }.data.ccr_store", equalTo("usable"))
                .body("checks.find { it.name == 'headroom' }.data.mode", equalTo("audit"));
    }

    @Test
    void livenessDoesNotCarryIt() {
        given().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("headroom")));
    }
}
