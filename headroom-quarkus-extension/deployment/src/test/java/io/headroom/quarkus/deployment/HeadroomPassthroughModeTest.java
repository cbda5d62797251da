package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.Headroom;
import io.headroom.Mode;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.headroom.mode=passthrough}: bodies reach the application byte for byte. */
class HeadroomPassthroughModeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.mode", "passthrough");

    @Inject
    Headroom headroom;

    @Test
    void nothingIsCompressed() {
        assertEquals(Mode.PASSTHROUGH, headroom.config().mode());
        byte[] original = Fixtures.openAiChatRequest();

        for (String path : new String[] {"/v1/chat/completions", "/vertx/v1/chat/completions"}) {
            Response r = given().contentType("application/json").body(original).post(path);

            assertEquals(200, r.statusCode());
            assertArrayEquals(original, r.asByteArray(), path);
            assertEquals("false", r.header("x-headroom-compressed"), path);
            assertEquals("0", r.header("x-headroom-tokens-saved"), path);
        }
    }
}
