package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code quarkus.headroom.retrieve.answered-by-application=true}: the application answers the model's
 * headroom_retrieve calls (as the sample gateway does), so the requests it receives keep the tool Headroom injects.
 */
class HeadroomRetrieveAnsweredByApplicationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.retrieve.answered-by-application", "true");

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/vertx/v1/chat/completions"})
    void compressedRequestKeepsTheRetrieveTool(String path) {
        Response r = given().contentType("application/json").body(Fixtures.openAiChatRequest()).post(path);

        assertEquals(200, r.statusCode());
        assertEquals("true", r.header("x-headroom-compressed"));
        JsonNode request = Fixtures.parse(r.asByteArray());
        assertEquals("headroom_retrieve", request.at("/tools/0/function/name").asText(), request.toString());
    }
}
