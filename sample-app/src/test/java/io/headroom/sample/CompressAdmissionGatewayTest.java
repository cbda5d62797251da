package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: /v1/compress admits bodies by the core's limit (quarkus.headroom.max-body-size, the one
 * the proxied path uses), not by the transport's larger quarkus.http.limits.max-body-size.
 */
@QuarkusTest
@TestProfile(CompressAdmissionGatewayTest.SmallCoreLimit.class)
class CompressAdmissionGatewayTest {

    public static class SmallCoreLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.headroom.max-body-size", "64K");
        }
    }

    @Test
    void aBodyOverTheCoreLimitIsA413JsonError() {
        String filler = "x".repeat(100 * 1024);
        given().contentType("application/json")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + filler + "\"}]}")
                .post("/v1/compress")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .body("error.type", equalTo("payload_too_large"));
        given().contentType("application/json")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/compress")
                .then().statusCode(200);
    }
}
