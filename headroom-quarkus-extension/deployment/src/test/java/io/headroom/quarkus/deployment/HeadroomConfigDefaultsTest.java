package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unset options equal the core defaults; set ones reach the core; max-body-size bounds buffering. */
class HeadroomConfigDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.max-body-size", "8K")
            .overrideConfigKey("quarkus.headroom.ccr.ttl", "30M")
            .overrideConfigKey("quarkus.headroom.keep-first", "4");

    @Inject
    Headroom headroom;

    @Test
    void unsetOptionsEqualCoreDefaults() {
        HeadroomConfig expected = HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(8 * 1024))
                .ccr(s -> s.ttl(java.time.Duration.ofMinutes(30)))
                .crusher(k -> k.keepFirst(4))
                .build();
        assertEquals(expected, headroom.config());
    }

    @Test
    void bodiesAboveMaxBodySizePassThroughUntouched() {
        byte[] original = Fixtures.openAiChatRequest(); // about 70 KB, far above 8K

        for (String path : new String[] {"/v1/chat/completions", "/vertx-bh/v1/chat/completions"}) {
            Response r = given().contentType("application/json").body(original).post(path);

            assertEquals(200, r.statusCode(), path);
            assertArrayEquals(original, r.asByteArray(), path);
            assertEquals("false", r.header("x-headroom-compressed"), path);
        }
    }
}
