package io.headroom.sample.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: 1,000 initialize calls from one client pushed out another client's MCP session. Sessions
 * are now bounded per caller (headroom.mcp.max-sessions-per-caller) as well as in total, and a flood only
 * evicts the flooding caller's own sessions.
 */
@QuarkusTest
class McpSessionBoundsTest {
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/mcp")
    URL mcp;

    private HttpResponse<String> post(String session, String credential, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mcp.toString())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        if (credential != null) {
            b.header("Authorization", "Bearer " + credential);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String initialize(String credential) throws Exception {
        HttpResponse<String> r = post(null, credential, INIT);
        assertEquals(200, r.statusCode(), r.body());
        String id = r.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertNotNull(id);
        return id;
    }

    @Test
    void aFloodOfInitializeCallsEvictsOnlyTheFloodersOwnSessions() throws Exception {
        String victim = initialize("sk-victim-not-real");
        String anonymousVictim = initialize(null);
        String firstOfFlood = initialize("sk-flooder-not-real");
        for (int i = 0; i < 1_000; i++) {
            initialize("sk-flooder-not-real");
        }
        assertEquals(200, post(victim, "sk-victim-not-real", LIST).statusCode(), "another caller's session survives");
        assertEquals(200, post(anonymousVictim, null, LIST).statusCode(), "the anonymous callers' session survives");
        assertEquals(404, post(firstOfFlood, "sk-flooder-not-real", LIST).statusCode(),
                "the flooder's oldest session made room for its newer ones");
    }
}
