package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void requestKeepsCredentialsAndDropsHopByHopAndHeadroomHeaders() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer sk-test")
                .add("x-api-key", "sk-ant-test")
                .add("anthropic-version", "2023-06-01")
                .add("OpenAI-Organization", "org-1")
                .add("Accept", "text/event-stream")
                .add("Host", "127.0.0.1:8787")
                .add("Connection", "keep-alive, X-Trace-Hop")
                .add("X-Trace-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Length", "999")
                .add("TE", "trailers")
                .add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic abc")
                .add("x-headroom-mode", "audit")
                .add("X-Headroom-Bypass", "true");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.copyRequestHeaders(in, out);

        assertEquals("Bearer sk-test", out.get("authorization"));
        assertEquals("sk-ant-test", out.get("x-api-key"));
        assertEquals("2023-06-01", out.get("anthropic-version"));
        assertEquals("org-1", out.get("openai-organization"));
        assertEquals("text/event-stream", out.get("accept"));
        for (String gone : List.of("host", "connection", "x-trace-hop", "keep-alive", "transfer-encoding",
                "content-length", "te", "upgrade", "proxy-authorization", "x-headroom-mode", "x-headroom-bypass")) {
            assertNull(out.get(gone), gone);
        }
    }

    @Test
    void responseKeepsContentLengthAndTheGatewaysOwnHeadroomHeaders() {
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("Content-Length", "42")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("Transfer-Encoding", "chunked")
                .add("Connection", "close")
                .add("x-headroom-compressed", "false");
        MultiMap out = MultiMap.caseInsensitiveMultiMap().add("x-headroom-compressed", "true");

        ForwardedHeaders.copyResponseHeaders(upstream, out);

        assertEquals("application/json", out.get("content-type"));
        assertEquals("42", out.get("content-length"));
        assertEquals(List.of("a=1", "b=2"), out.getAll("set-cookie"));
        assertEquals(List.of("true"), out.getAll("x-headroom-compressed"));
        assertFalse(out.contains("transfer-encoding"));
        assertFalse(out.contains("connection"));
    }
}
