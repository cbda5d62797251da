package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With nothing listening at the targets (after the retries), the gateway answers 502 in the provider's own
 * error shape on its routes, without leaking credentials.
 */
@QuarkusTest
@TestProfile(UpstreamDownTest.DeadTargets.class)
class UpstreamDownTest {

    public static class DeadTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String dead = "http://127.0.0.1:" + closedPort();
            return Map.of("headroom.gateway.openai-target-url", dead,
                    "headroom.gateway.anthropic-target-url", dead);
        }

        /** A port that was just free: nothing listens there, so connecting is refused at once. */
        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void chatCompletionAnswers502InOpenAisShape() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-secret-value-123")
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/chat/completions")
                .then().statusCode(502)
                .contentType(containsString("application/json"))
                .body("error.type", equalTo("server_error"))
                .body("error.code", equalTo("proxy_error"))
                .body("type", nullValue())
                .body("error.message", containsString("unavailable"))
                .body("error.message", not(containsString("sk-secret-value-123")));
    }

    @Test
    void anthropicMessagesAnswer502InAnthropicsShape() {
        given().contentType("application/json")
                .header("x-api-key", "sk-ant-secret-456")
                .body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post("/v1/messages")
                .then().statusCode(502)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("api_error"))
                .body("error.message", containsString("unavailable"))
                .body("error.message", not(containsString("sk-ant-secret-456")));
    }

    @Test
    void passedThroughPathsAnswer502InTheirProvidersShape() {
        given().header("x-api-key", "sk-ant-secret-789").get("/v1/models")
                .then().statusCode(502)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("api_error"));
        given().header("Authorization", "Bearer sk-secret-value-123").get("/v1/models")
                .then().statusCode(502)
                .body("error.code", equalTo("proxy_error"));
    }

    @Test
    void ownEndpointsStillWork() {
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"));
    }
}
