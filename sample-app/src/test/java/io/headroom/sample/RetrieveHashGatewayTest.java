package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: a hash longer or other than the CCR format is refused before any lookup and never echoed
 * (a 10 MB hash came back whole in the 404), on /v1/retrieve and /v1/retrieve/tool_call.
 */
@QuarkusTest
class RetrieveHashGatewayTest {
    private static final String HUGE = "ab".repeat(5 * 1024 * 1024);

    @Test
    void anOversizedHashIsA400ThatDoesNotQuoteIt() {
        Response r = given().contentType("application/json").body("{\"hash\":\"" + HUGE + "\"}").post("/v1/retrieve");
        assertEquals(400, r.statusCode());
        assertEquals("validation_error", r.jsonPath().getString("error.type"));
        assertTrue(r.asByteArray().length < 1000, "echoed " + r.asByteArray().length + " bytes");
    }

    @Test
    void malformedHashesAreValidationErrorsAndAWellFormedUnknownOneIsNotFound() {
        for (String bad : new String[] {"", "abc", "zzzzzzzzzzzzzzzzzzzzzzzz", "0123456789abcdef01234567x"}) {
            given().contentType("application/json").body("{\"hash\":\"" + bad + "\"}").post("/v1/retrieve")
                    .then().statusCode(400).body("error.type", equalTo("validation_error"));
        }
        given().contentType("application/json").body("{\"hash\":\"0123456789abcdef01234567\"}").post("/v1/retrieve")
                .then().statusCode(404).body("error.type", equalTo("not_found"));
    }

    @Test
    void theToolCallEndpointDoesNotEchoIt() {
        String call = "{\"provider\":\"openai\",\"tool_call\":{\"id\":\"c1\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\"" + HUGE + "\\\"}\"}}}";
        Response r = given().contentType("application/json").body(call).post("/v1/retrieve/tool_call");
        assertEquals(200, r.statusCode());
        assertFalse(r.jsonPath().getBoolean("success"));
        assertTrue(r.asByteArray().length < 1000, "echoed " + r.asByteArray().length + " bytes");
    }
}
