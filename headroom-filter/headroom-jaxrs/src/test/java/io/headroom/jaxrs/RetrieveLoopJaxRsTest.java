package io.headroom.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 item 1 in JAX-RS: a Jersey application whose resource forwards the request to the provider (a loopback
 * stub that answers with a headroom_retrieve call) gets the model's calls answered by the filter, over real HTTP:
 * the follow-up goes to the application itself and the resource forwards it; the client gets one answer of its
 * provider's protocol and never the call.
 */
class RetrieveLoopJaxRsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AUTHORIZATION = "Bearer sk-test-key";
    private static volatile URI provider;

    /** Forwards the body to the provider and hands its answer on: streams as an InputStream, the rest as bytes. */
    @Path("/")
    public static class ForwardingResource {
        @POST
        @Path("{path: .*}")
        public Response forward(@PathParam("path") String path,
                                @jakarta.ws.rs.HeaderParam("authorization") String authorization,
                                @jakarta.ws.rs.QueryParam("entity") String entity, byte[] body)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(provider.resolve("/" + path))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("authorization", authorization);
            }
            HttpResponse<InputStream> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = answer.headers().firstValue("content-type").orElse("application/json");
            Response.ResponseBuilder out = Response.status(answer.statusCode()).type(type);
            answer.headers().firstValue("retry-after").ifPresent(v -> out.header("retry-after", v));
            if ("streaming-output".equals(entity)) {
                StreamingOutput written = os -> {
                    try (InputStream in = answer.body()) {
                        byte[] buffer = new byte[512];
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            os.write(buffer, 0, n);
                            os.flush();
                        }
                    }
                };
                return out.entity(written).build();
            }
            return type.startsWith("text/event-stream") ? out.entity(answer.body()).build()
                    : out.entity(answer.body().readAllBytes()).build();
        }
    }

    enum Api {
        CHAT("/v1/chat/completions"), RESPONSES("/v1/responses"), ANTHROPIC("/v1/messages");

        final String path;

        Api(String path) {
            this.path = path;
        }
    }

    private Headroom headroom;
    private HttpServer server;
    private RetrievingProvider model;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        model = new RetrievingProvider(LlmRequests.logsText());
        provider = model.uri();
        headroom = Headroom.create(HeadroomConfig.defaults());
        ResourceConfig app = new ResourceConfig(ForwardingResource.class).register(new HeadroomFeature(headroom));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        headroom.close();
        model.close();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aNonStreamedCallIsAnsweredAndTheClientGetsTheText(Api api) throws Exception {
        HttpResponse<String> r = post(api, false);

        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("headroom_retrieve"), "no call reaches the client: " + r.body());
        assertTrue(r.body().contains(RetrievingProvider.answer()), r.body());
        assertEquals(String.valueOf(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                r.headers().firstValue("content-length").orElse(null));
        assertRoundTrip(api);
        assertEquals(1, headroom.stats().retrieveRounds(), "the round is counted (metrics)");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aStreamedCallIsAnsweredWithOneWellFormedStream(Api api) throws Exception {
        HttpResponse<String> r = post(api, true);

        assertEquals(200, r.statusCode(), r.body());
        String stream = r.body();
        assertFalse(stream.contains("headroom_retrieve"), stream);
        switch (api) {
            case CHAT -> {
                assertEquals(1, count(stream, "\"role\":\"assistant\""), "exactly one role: " + stream);
                assertEquals(1, count(stream, "data: [DONE]"), stream);
                assertTrue(stream.endsWith("data: [DONE]\n\n"), stream);
                assertTrue(text(stream, "\"content\":\"([^\"]*)\"").contains(RetrievingProvider.answer()), stream);
            }
            case RESPONSES -> {
                assertEquals(1, count(stream, "event: response.created"), stream);
                assertEquals(1, count(stream, "event: response.completed"), stream);
                List<String> ids = all(stream, "\"response\":\\{\"id\":\"([^\"]+)\"");
                assertEquals(1, ids.stream().distinct().count(), "one response id: " + ids);
                assertTrue(stream.contains(RetrievingProvider.answer()), stream);
            }
            case ANTHROPIC -> {
                assertEquals(1, count(stream, "event: message_start"), stream);
                assertEquals(1, count(stream, "event: message_stop"), stream);
                assertTrue(stream.contains(RetrievingProvider.answer()), stream);
            }
        }
        assertRoundTrip(api);
    }

    /** A resource that writes the provider's stream itself (StreamingOutput): each round still passes the loop. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void aStreamTheResourceWritesItselfIsAnsweredToo(Api api) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(api.path + "?entity=streaming-output"))
                .header("content-type", "application/json").header("authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body(api, true).toString())).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
        assertTrue(r.body().contains(api == Api.CHAT ? "\"content\":\"The logs" : RetrievingProvider.answer()), r.body());
        if (api == Api.CHAT) {
            assertEquals(1, count(r.body(), "\"role\":\"assistant\""), r.body());
            assertEquals(1, count(r.body(), "data: [DONE]"), r.body());
        }
        assertRoundTrip(api);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aFollowUpRefusedWith429BeforeAnyByteReachesTheClientAsItCame(Api api) throws Exception {
        model.refuseFollowUps = true;

        assert429AsItCame(post(api, false));
    }

    /** gpt-4o's stream starts with the call: nothing went to the client before the follow-up was refused. */
    @Test
    void aStreamedFollowUpRefusedWith429BeforeAnyByteReachesTheClientAsItCame() throws Exception {
        model.refuseFollowUps = true;

        assert429AsItCame(post(Api.CHAT, true));
    }

    /** A Responses stream has its head events out before the call: the refusal ends it with response.failed. */
    @Test
    void aFollowUpRefusedAfterBytesEndsTheStreamWithTheProvidersErrorEvent() throws Exception {
        model.refuseFollowUps = true;

        HttpResponse<String> r = post(Api.RESPONSES, true);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("event: response.failed"), r.body());
        assertFalse(r.body().contains("response.completed"), "never a clean end: " + r.body());
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
    }

    private static void assert429AsItCame(HttpResponse<String> r) {
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("7", r.headers().firstValue("retry-after").orElse(null));
        assertTrue(r.body().contains("rate_limit_error"), r.body());
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
    }

    @Test
    void aClientSendingTheMarkerHeaderItselfIsHandledLikeAnyOther() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(Api.CHAT.path))
                .header("content-type", "application/json").header("authorization", AUTHORIZATION)
                .header(RetrieveRoundMarker.HEADER, "1;guessed")
                .POST(HttpRequest.BodyPublishers.ofString(body(Api.CHAT, false).toString())).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null), r.headers().toString());
        assertTrue(r.body().contains(RetrievingProvider.answer()), r.body());
    }

    /**
     * The provider first got the compressed output and the tool, then the client's original tool output byte for
     * byte as the answer to the call, with the client's own credentials both times.
     */
    private void assertRoundTrip(Api api) {
        List<JsonNode> received = model.received();
        assertEquals(2, received.size(), "the resource ran once per round");
        assertFalse(received.get(0).toString().contains(LlmRequests.logsText().substring(0, 2000)),
                "the first request was compressed");
        assertTrue(received.get(0).toString().contains("\"headroom_retrieve\""), "and offered the tool");
        JsonNode original = body(api, false);
        JsonNode followUp = received.get(1);
        String items = api == Api.RESPONSES ? "input" : "messages";
        for (int i = 0; i < original.get(items).size(); i++) {
            JsonNode item = followUp.get(items).get(i);
            if (!item.toString().contains("hash=")) {
                assertEquals(original.get(items).get(i), item, "item " + i + " of the follow-up");
            }
        }
        JsonNode result = followUp.get(items).get(followUp.get(items).size() - 1);
        String text = switch (api) {
            case CHAT -> result.get("content").asText();
            case RESPONSES -> result.get("output").asText();
            case ANTHROPIC -> result.get("content").get(0).get("content").asText();
        };
        assertEquals(LlmRequests.logsText(), text, "the follow-up carries the original, byte-identical");
        assertEquals(List.of(AUTHORIZATION, AUTHORIZATION), model.authorizations());
    }

    private HttpResponse<String> post(Api api, boolean stream) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(api.path))
                .header("content-type", "application/json").header("authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body(api, stream).toString())).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode body(Api api, boolean stream) {
        ObjectNode body = switch (api) {
            case CHAT -> (ObjectNode) LlmRequests.parse(LlmRequests.openAiChat());
            case ANTHROPIC -> (ObjectNode) LlmRequests.parse(LlmRequests.anthropicMessages());
            case RESPONSES -> responses();
        };
        return body.put("stream", stream);
    }

    private static ObjectNode responses() {
        ObjectNode req = LlmRequests.JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode input = req.putArray("input");
        input.addObject().put("role", "user").put("content", LlmRequests.USER_QUESTION);
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "search_logs")
                .put("arguments", "{\"service\":\"checkout-api\"}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1")
                .put("output", LlmRequests.logsText());
        return req;
    }

    private static int count(String s, String needle) {
        return all(s, Pattern.quote(needle)).size();
    }

    private static List<String> all(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }

    private static String text(String stream, String regex) {
        return String.join("", all(stream, regex));
    }
}
