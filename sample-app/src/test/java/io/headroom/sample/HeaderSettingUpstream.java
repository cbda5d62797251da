package io.headroom.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provider on loopback whose answers carry headers of their own that the gateway must not pass on as they are:
 * a CORS grant ({@code Access-Control-Allow-Origin: *}, the upstream's policy, not the gateway's) and
 * {@code X-Frame-Options: SAMEORIGIN} (kept: the security headers only fill what an answer lacks). Records the
 * headers of the last request it received. Both targets point at it.
 */
public class HeaderSettingUpstream implements QuarkusTestResourceLifecycleManager {
    static volatile Map<String, List<String>> lastRequestHeaders = Map.of();
    static volatile int requests;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", HeaderSettingUpstream::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("headroom.gateway.openai-target-url", base, "headroom.gateway.anthropic-target-url", base);
    }

    private static void answer(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            lastRequestHeaders = headers;
            requests++;
            byte[] body = "{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"choices\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            ex.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
