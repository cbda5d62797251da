package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8 on /v1/compress: deep nesting never ends in a 500 (the proxied path fails open on the
 * same input; here the caller gets a JSON 4xx or its messages back unchanged), and every error the gateway
 * answers itself has the JSON error shape, 413 included.
 */
@QuarkusTest
class CompressLimitsGatewayTest {

    @TestHTTPResource("/")
    URL root;

    /** {@code depth} nested arrays around a number, e.g. [[[1]]]. */
    static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    @Test
    void deepNestingInTheRequestIsA4xxOrUnchangedNeverA500() {
        for (int depth : new int[] {480, 495, 497, 498, 500, 501, 600, 996, 997, 2000}) {
            String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}],\"x\":" + nested(depth) + "}]}";
            Response r = given().contentType("application/json").body(body).post("/v1/compress");
            assertOkOrJson4xx(r, "request nesting " + depth);
        }
    }

    @Test
    void deepJsonInsideAToolOutputIsA4xxOrUnchangedNeverA500() {
        for (int depth : new int[] {497, 500, 501, 700, 996, 5000}) {
            String deep = nested(depth).replace("\"", "\\\"");
            String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"run it\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"" + deep + "\"}]}";
            Response r = given().contentType("application/json").body(body).post("/v1/compress");
            assertOkOrJson4xx(r, "tool output nesting " + depth);
            if (r.statusCode() == 200) {
                assertEquals(nested(depth), r.jsonPath().getString("messages[2].content"),
                        "a tool output that cannot be compressed comes back unchanged");
            }
        }
    }

    @Test
    void a413HasTheJsonErrorShape() throws Exception {
        // declared beyond quarkus.http.limits.max-body-size (64M): refused before a byte of the body is read
        for (String path : new String[] {"/v1/compress", "/v1/chat/completions", "/v1/retrieve"}) {
            RawHttp.Answer a = RawHttp.exchange(root.getPort(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{");
            assertEquals(413, a.status(), path + ": " + a.text());
            assertTrue(a.text().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), a.text());
            assertTrue(a.text().contains("\"payload_too_large\""), a.text());
        }
    }

    private static void assertOkOrJson4xx(Response r, String what) {
        int s = r.statusCode();
        assertTrue(s == 200 || s >= 400 && s < 500, what + ": status " + s + " " + r.asString());
        if (s != 200) {
            assertTrue(r.contentType().startsWith("application/json"), what + ": " + r.contentType());
            assertTrue(r.jsonPath().getString("error.type") != null, what + ": " + r.asString());
        }
    }
}
