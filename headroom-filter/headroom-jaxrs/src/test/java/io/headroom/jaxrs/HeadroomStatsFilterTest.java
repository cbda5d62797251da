package io.headroom.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.StatsDocument;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: {@link HeadroomStatsFilter} in Jersey on Grizzly gives the numbers of the gateway's /stats. */
class HeadroomStatsFilterTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CALLER = "caller-address";

    /** Answers every POST with "ok" and every GET with "application". */
    @Path("/")
    public static class Application {
        @POST
        @Path("{path: .*}")
        public String post(byte[] body) {
            return "ok";
        }

        @GET
        @Path("{path: .*}")
        public String get() {
            return "application";
        }
    }

    /** How an application on Jersey + Grizzly hands the caller's address to the stats filter: Grizzly's request. */
    @PreMatching
    @Priority(100)
    public static class GrizzlyCallerAddress implements ContainerRequestFilter {
        @Inject
        Provider<Request> grizzlyRequest;

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(CALLER, grizzlyRequest.get().getRemoteAddr());
        }
    }

    private final Headroom headroom = Headroom.create(HeadroomConfig.defaults());
    private HttpServer server;
    private int port;

    @AfterEach
    void stop() {
        stopServer();
        headroom.close();
    }

    private void stopServer() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    private HeadroomFeature start(Function<ContainerRequestContext, String> callerAddress) {
        HeadroomFeature feature = new HeadroomFeature(headroom);
        ResourceConfig app = new ResourceConfig(Application.class).register(feature);
        if (callerAddress != null) {
            app.register(GrizzlyCallerAddress.class).register(HeadroomStatsFilter.of(feature, "/headroom/stats",
                    callerAddress));
        }
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        port = server.getListeners().iterator().next().getPort();
        return feature;
    }

    @Test
    void loopbackCallersGetTheNumbersOfTheEngineAndTheFilter() throws Exception {
        HeadroomFeature feature = start(r -> (String) r.getProperty(CALLER));
        URI chat = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        CLIENT.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.discarding());
        CLIENT.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .header("x-headroom-bypass", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/headroom/stats")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(null));
        assertEquals("no-store", r.headers().firstValue("cache-control").orElse(null));
        JsonNode stats = new ObjectMapper().readTree(r.body());
        assertEquals(StatsDocument.of(headroom.stats(), feature.requestFilter().admission().passedThrough()).toString(),
                stats.toString());
        assertEquals(1, stats.path("requests").path("compressed").asLong());
        assertEquals(1, stats.path("requests").path("passed_through").path("bypass").asLong());
        assertTrue(stats.path("tokens").path("saved").asLong() > 0);
    }

    @Test
    void aForeignHostOrAnUnknownCallerIsRefused() throws Exception {
        start(r -> (String) r.getProperty(CALLER));
        String answer = rawGet("/headroom/stats", "evil.example");
        assertTrue(answer.startsWith("HTTP/1.1 403"), "a DNS-rebinding Host: " + answer);
        assertTrue(!answer.contains("\"tokens\""), answer);
        assertTrue(rawGet("/headroom/stats", "localhost:" + port).startsWith("HTTP/1.1 200"), "loopback by name");

        stopServer();
        start(r -> null);
        assertTrue(rawGet("/headroom/stats", "localhost").startsWith("HTTP/1.1 403"), "no address, no stats");
    }

    @Test
    void withoutTheFilterThePathIsTheApplications() throws Exception {
        start(null);
        assertTrue(rawGet("/headroom/stats", "localhost").endsWith("application"));
    }

    private String rawGet(String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
