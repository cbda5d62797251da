package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/**
 * With {@code quarkus.headroom.tenant-header} set, the tenant named in that header is the CCR scope, not
 * the credential: two keys of one tenant share originals, one key under two tenants does not. Without
 * the header the credential decides, as before.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
@TestProfile(TenantHeaderGatewayTest.TenantHeader.class)
class TenantHeaderGatewayTest {
    public static class TenantHeader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.headroom.tenant-header", "x-headroom-tenant");
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI base;

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTenantHeaderDecidesTheScope() throws Exception {
        String compress = mapper.writeValueAsString(TenantIsolationGatewayTest.chatRequest(mapper));
        HttpResponse<String> c = post("v1/compress", compress, "Authorization", "Bearer sk-key-1",
                "x-headroom-tenant", "acme");
        assertEquals(200, c.statusCode(), c.body());
        String body = "{\"hash\":\"" + mapper.readTree(c.body()).get("ccr_hashes").get(0).asText() + "\"}";

        HttpResponse<String> sameTenant = post("v1/retrieve", body, "x-api-key", "sk-key-2", "x-headroom-tenant", "acme");
        assertEquals(200, sameTenant.statusCode(), sameTenant.body());
        assertEquals(TenantIsolationGatewayTest.orders(),
                mapper.readTree(sameTenant.body()).get("original_content").asText());
        assertEquals(404, post("v1/retrieve", body, "Authorization", "Bearer sk-key-1",
                "x-headroom-tenant", "globex").statusCode());
        assertEquals(404, post("v1/retrieve", body, "Authorization", "Bearer sk-key-1").statusCode(),
                "without the header the credential is the scope");
    }
}
