package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.headroom.Headroom;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.headroom.enabled=false}: no interception, but the bean stays injectable. */
class HeadroomDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.enabled", "false");

    @Inject
    Headroom headroom;

    @Test
    void requestsAreNotIntercepted() {
        assertNotNull(headroom.config());
        byte[] original = Fixtures.openAiChatRequest();

        Response r = given().contentType("application/json").body(original).post("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.asByteArray());
        assertNull(r.header("x-headroom-compressed"));
    }
}
