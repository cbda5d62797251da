package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Headroom Dev UI card in a real dev-mode application: its JSON-RPC service, called over the Dev
 * UI's WebSocket, reports live totals and the last compressions; the card is listed while Headroom is
 * enabled and gone once {@code quarkus.headroom.enabled=false} is set (the dev-mode rebuild applies it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadroomDevUiTest extends DevUIJsonRPCTest {
    /** The JSON-RPC namespace and Dev UI id of the extension: its runtime artifact id. */
    private static final String NAMESPACE = "headroom-quarkus";

    /** Dev mode serves on one fixed port; pick a free one so parallel builds on the machine do not clash. */
    private static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    HeadroomDevUiTest() {
        super(NAMESPACE, "http://localhost:" + PORT);
    }

    @BeforeEach
    void pointRestAssuredAtTheApplication() {
        RestAssured.port = PORT;
    }

    @Test
    @Order(1)
    void serviceReportsTotalsAndTheLastCompressions() throws Exception {
        JsonNode before = executeJsonRPCMethod("getStats");

        Response chat = post("/v1/chat/completions", Fixtures.openAiChatRequest(), "optimize");
        Response messages = post("/v1/messages", Fixtures.anthropicMessagesRequest(), "optimize");
        Response small = post("/v1/chat/completions", smallRequest(), "optimize");
        Response audited = post("/v1/chat/completions", Fixtures.openAiChatRequest(), "audit");
        assertEquals("true", chat.header("x-headroom-compressed"));
        assertEquals("true", messages.header("x-headroom-compressed"));
        assertEquals("false", small.header("x-headroom-compressed"));
        assertEquals("false", audited.header("x-headroom-compressed"));

        JsonNode stats = executeJsonRPCMethod("getStats");
        assertEquals("optimize", stats.get("mode").asText());
        assertEquals(4, delta(before, stats, "requests"));
        assertEquals(2, delta(before, stats, "compressedRequests"));
        assertEquals(0, delta(before, stats, "failedOpen"));
        assertEquals(saved(chat) + saved(messages), delta(before, stats, "tokensSaved"));

        List<JsonNode> recent = list(executeJsonRPCMethod("getRecentCompressions"));
        assertEquals(3, recent.size(), "two rewritten and one audited request; the small one is not a compression");
        assertRecorded(recent.get(1), "/v1/messages", messages);
        assertRecorded(recent.get(2), "/v1/chat/completions", chat);
        // the audited body is the chat body again: the same would-be savings, though nothing was rewritten
        JsonNode audit = recent.get(0);
        assertEquals("audit", audit.get("mode").asText());
        assertEquals("/v1/chat/completions", audit.get("endpoint").asText());
        assertEquals(recent.get(2).get("tokensBefore"), audit.get("tokensBefore"));
        assertEquals(recent.get(2).get("tokensSaved"), audit.get("tokensSaved"));
        assertEquals(recent.get(2).get("transforms"), audit.get("transforms"));

        String label = executeJsonRPCMethod(String.class, "getTokensSavedLabel");
        assertEquals(String.format(Locale.ROOT, "%,d tokens saved", stats.get("tokensSaved").asLong()), label);
    }

    @Test
    @Order(2)
    void cardIsListedWithItsPage() {
        List<JsonNode> pages = DevUiData.cardPages(NAMESPACE);

        assertEquals(1, pages.size(), pages::toString);
        JsonNode page = pages.get(0);
        assertEquals("Compressions", page.get("title").asText());
        assertEquals("qwc-headroom-compressions.js", page.get("componentLink").asText());
        assertEquals("getTokensSavedLabel", page.get("dynamicLabel").asText());
        // the page's web component is served from the extension's dev-ui resources
        String component = given().get("/q/dev-ui/" + NAMESPACE + "/qwc-headroom-compressions.js")
                .then().statusCode(200).extract().asString();
        assertTrue(component.contains("customElements.define('qwc-headroom-compressions'"));
    }

    @Test
    @Order(3)
    void disablingRebuildsTheApplicationWithoutHeadroom() {
        APP.modifyResourceFile("application.properties", props -> props + "quarkus.headroom.enabled=false\n");
        byte[] original = Fixtures.openAiChatRequest();

        // the first request after the change triggers the dev-mode rebuild
        Response r = given().contentType("application/json").body(original).post("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertArrayEquals(original, r.asByteArray());
        assertNull(r.header("x-headroom-compressed"));
        assertTrue(DevUiData.cardPages(NAMESPACE).isEmpty(), "no card without Headroom");
    }

    private static Response post(String path, byte[] body, String mode) {
        Response r = given().contentType("application/json").header("x-headroom-mode", mode).body(body).post(path);
        assertEquals(200, r.statusCode());
        return r;
    }

    /** An entry for an optimized request: the savings the response header announced, and what they came from. */
    private static void assertRecorded(JsonNode entry, String endpoint, Response response) {
        assertEquals(endpoint, entry.get("endpoint").asText());
        assertEquals("optimize", entry.get("mode").asText());
        assertEquals(saved(response), entry.get("tokensSaved").asInt());
        assertEquals(entry.get("tokensBefore").asInt() - entry.get("tokensAfter").asInt(), entry.get("tokensSaved").asInt());
        assertFalse(entry.get("transforms").isEmpty(), entry::toString);
        assertTrue(entry.get("transformCount").asInt() >= entry.get("transforms").size(), entry::toString);
        assertFalse(entry.get("time").asText().isEmpty());
    }

    private static int saved(Response r) {
        return Integer.parseInt(r.header("x-headroom-tokens-saved"));
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static byte[] smallRequest() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
