package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An upstream that stays silent longer than the idle timeout gets a 502 (OpenAI's error shape), not a hang. */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(UpstreamTimeoutTest.ShortIdleTimeout.class)
class UpstreamTimeoutTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.idle-timeout", "1s");
        }
    }

    @Test
    void silentUpstreamAnswers502TimedOut() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-stub-delay-ms", "4000")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(502)
                .body("error.type", equalTo("server_error"))
                .body("error.code", equalTo("proxy_error"))
                .body("error.message", containsString("timed out"));
    }

    @Test
    void answersWithinTheTimeoutPassThrough() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-stub-delay-ms", "200")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("id", equalTo("chatcmpl-stub"));
    }
}
