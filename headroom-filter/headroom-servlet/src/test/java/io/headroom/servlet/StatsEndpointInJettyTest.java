package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.StatsDocument;
import jakarta.servlet.DispatcherType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: the filter's opt-in stats endpoint gives the numbers of the gateway's /stats, to loopback only. */
class StatsEndpointInJettyTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Headroom headroom = Headroom.create(HeadroomConfig.defaults());
    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        headroom.close();
    }

    private URI start(Map<String, String> initParams) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder(new HeadroomFilter(headroom));
        holder.setInitParameters(initParams);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(ScriptedModelServlet.class, "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    @Test
    void loopbackCallersGetTheNumbersOfTheEngine() throws Exception {
        URI base = start(Map.of(StatsEndpoint.INIT_PARAM, "/headroom/stats"));
        client.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).header("x-script", "json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/headroom/stats")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode());
        JsonNode stats = mapper.readTree(r.body());
        assertEquals(1, stats.path("requests").path("compressed").asLong());
        assertEquals(StatsDocument.of(headroom.stats(), Map.of()).path("tokens").toString(), stats.path("tokens").toString());
        assertTrue(stats.path("tokens").path("saved").asLong() > 0);
        assertTrue(stats.path("cache").path("stored").asLong() > 0);
    }

    @Test
    void aForeignHostIsRefusedAndWithoutThePathNothingAnswers() throws Exception {
        URI base = start(Map.of(StatsEndpoint.INIT_PARAM, "/headroom/stats"));
        assertTrue(rawGet("/headroom/stats", "evil.example").startsWith("HTTP/1.1 403"), "a DNS-rebinding Host");
        server.stop();
        URI off = start(Map.of());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(off.resolve("/headroom/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(!r.body().contains("\"passed_through\""), "off by default: the application answers: " + r.body());
    }

    private String rawGet(String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
