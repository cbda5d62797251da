package io.headroom.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider the gateway forwards to, on loopback. It keeps nothing per request and answers each
 * with a small response in the shape of the path's provider (OpenAI chat, OpenAI Responses,
 * Anthropic Messages). Two extra fields let the client check the answer: {@code id} echoes the
 * client's {@value #ID_HEADER}, and {@code soak_hashes} lists the CCR hashes found in the body the
 * gateway forwarded, i.e. the hashes the model was handed.
 */
final class StubUpstream implements AutoCloseable {
    static final String ID_HEADER = "x-soak-id";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private final HttpServer server;
    private final ExecutorService executor;

    StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "stub-upstream");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Set<String> hashes = hashesIn(ex.getRequestBody());
            String id = String.valueOf(ex.getRequestHeaders().getFirst(ID_HEADER)).replaceAll("[^0-9a-zA-Z-]", "");
            byte[] answer = answer(ex.getRequestURI().getPath(), id, hashes).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
        }
    }

    /** Scans the body as it streams in, so a 34 MB body is never held whole. */
    private static Set<String> hashesIn(InputStream body) throws IOException {
        Set<String> hashes = new LinkedHashSet<>();
        byte[] buf = new byte[64 * 1024];
        String carry = "";
        for (int n; (n = body.read(buf)) > 0; ) {
            String chunk = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            Matcher m = HASH.matcher(chunk);
            while (m.find()) {
                hashes.add(m.group(1));
            }
            carry = chunk.substring(Math.max(0, chunk.length() - 32)); // a marker split across reads
        }
        return hashes;
    }

    static String answer(String path, String id, Set<String> hashes) {
        StringBuilder h = new StringBuilder("[");
        for (String hash : hashes) {
            h.append(h.length() == 1 ? "\"" : ",\"").append(hash).append('"');
        }
        String list = h.append(']').toString();
        if (path.endsWith("/v1/messages")) {
            return "{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1},\"soak_hashes\":" + list + "}";
        }
        if (path.endsWith("/v1/responses")) {
            return "{\"id\":\"" + id + "\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-4o\","
                    + "\"output\":[{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                    + "\"text\":\"ok\"}]}],\"usage\":{\"input_tokens\":10,\"output_tokens\":1,\"total_tokens\":11},"
                    + "\"soak_hashes\":" + list + "}";
        }
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11},\"soak_hashes\":" + list + "}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
