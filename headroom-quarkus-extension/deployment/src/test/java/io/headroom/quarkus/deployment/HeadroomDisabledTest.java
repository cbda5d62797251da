package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.quarkus.runtime.HeadroomReadinessCheck;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code quarkus.headroom.enabled=false} is decided at build time: the application is built without
 * Headroom (no route filter, no REST filter, no bean, no readiness check) and every request reaches its
 * handler exactly as sent.
 */
class HeadroomDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.enabled", "false");

    @Test
    void noHeadroomBeanIsBuilt() {
        assertFalse(Arc.container().select(Headroom.class).isResolvable());
        assertFalse(Arc.container().instance(Headroom.class).isAvailable());
        assertFalse(Arc.container().instance(HeadroomReadinessCheck.class).isAvailable());
    }

    /**
     * Quarkus REST resources and plain Vert.x routes (with the application's own BodyHandler: without
     * Headroom nothing else reads the body for them) get the original bytes and no Headroom header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/vertx-bh/v1/chat/completions"})
    void llmRequestsReachTheHandlerByteIdentical(String path) {
        byte[] original = Fixtures.openAiChatRequest();

        Response r = given().contentType("application/json").body(original).post(path);

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.asByteArray());
        assertTrue(r.headers().asList().stream().noneMatch(h -> h.getName().toLowerCase().startsWith("x-headroom-")),
                () -> "no x-headroom-* header expected: " + r.headers());
        assertEquals(Integer.toString(original.length), r.header(EchoResource.ECHO_LENGTH));
    }

    @Test
    void readinessHasNoHeadroomCheck() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("headroom")));
    }
}
