package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With {@code quarkus.headroom.tenant-isolation=false} every caller shares one CCR scope, as before. */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
@TestProfile(TenantIsolationOffGatewayTest.IsolationOff.class)
class TenantIsolationOffGatewayTest {
    public static class IsolationOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.headroom.tenant-isolation", "false");
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // h2c would bypass the filter (HTTP/2 is forwarded untouched)

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URI base;

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyCallerCanRetrieveEveryHash() throws Exception {
        upstream.clear();
        HttpResponse<String> r = post("v1/chat/completions",
                mapper.writeValueAsString(TenantIsolationGatewayTest.chatRequest(mapper)),
                "Authorization", "Bearer " + TenantIsolationGatewayTest.KEY_A);
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("hash=([0-9a-f]{24})").matcher(upstream.received().get(0).toString());
        assertTrue(m.find());
        String body = "{\"hash\":\"" + m.group(1) + "\"}";
        for (String[] caller : new String[][] {{"Authorization", "Bearer " + TenantIsolationGatewayTest.KEY_A},
                {"Authorization", "Bearer " + TenantIsolationGatewayTest.KEY_B},
                {"x-api-key", TenantIsolationGatewayTest.KEY_B}, {"x-other", "none"}}) {
            HttpResponse<String> got = post("v1/retrieve", body, caller);
            assertEquals(200, got.statusCode(), got.body());
            assertEquals(TenantIsolationGatewayTest.orders(), mapper.readTree(got.body()).get("original_content").asText());
        }
    }
}
