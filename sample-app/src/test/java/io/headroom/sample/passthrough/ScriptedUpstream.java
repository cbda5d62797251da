package io.headroom.sample.passthrough;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 upstream written on raw sockets, so a test controls every byte: it records each
 * request exactly as received (method, target, headers, decoded body) and answers with the next scripted
 * {@link Reply}, or 200 {@code {"ok":true}} when none is queued. Raw sockets allow what a server library
 * hides: an answer sent in parts on the test's signal, and a connection that breaks after the first bytes.
 * Every answer closes its connection.
 */
public final class ScriptedUpstream implements AutoCloseable {

    /** One request as the upstream received it; header names lower case, body de-chunked. */
    public record Received(String method, String target, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Writes one answer on the raw connection. */
    @FunctionalInterface
    public interface Reply {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ScriptedUpstream() throws IOException {
        this(0);
    }

    /** Listens on {@code port} (0: any free one). */
    public ScriptedUpstream(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Queues answers, used in order by the next requests. */
    public void then(Reply... replies) {
        script.addAll(List.of(replies));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one upstream request, got " + received.size());
        }
        return received.get(0);
    }

    public void reset() {
        script.clear();
        received.clear();
    }

    /** A complete answer with a Content-Length. */
    public static Reply answer(int status, String contentType, String body, String... headerPairs) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return out -> {
            out.write(head(status, headerPairs, "Content-Type: " + contentType,
                    "Content-Length: " + bytes.length));
            out.write(bytes);
            out.flush();
        };
    }

    /** A chunked answer: {@code first}, then (after {@code gate} opens) {@code second}, then the end. */
    public static Reply inParts(String contentType, String first, CountDownLatch gate, String second) {
        return out -> {
            out.write(head(200, new String[0], "Content-Type: " + contentType, "Transfer-Encoding: chunked"));
            chunk(out, first);
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never opened the gate");
            }
            chunk(out, second);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** The head and the first chunk of a 200, then the connection closes without the rest. */
    public static Reply breaksAfter(String contentType, String first) {
        return out -> {
            out.write(head(200, new String[0], "Content-Type: " + contentType, "Transfer-Encoding: chunked"));
            chunk(out, first);
        };
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] head(int status, String[] headerPairs, String... framing) {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
        for (String f : framing) {
            b.append(f).append("\r\n");
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            b.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        b.append("Connection: close\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, List<String>> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = readBody(in, headers);
            received.add(new Received(requestLine[0], requestLine[1], headers, body));
            Reply reply = script.poll();
            OutputStream out = socket.getOutputStream();
            (reply == null ? answer(200, "application/json", "{\"ok\":true}") : reply).write(out);
        } catch (IOException | RuntimeException e) {
            // the gateway went away: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed before the end of the head");
            }
            head.write(c);
            matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        List<String> te = headers.get("transfer-encoding");
        if (te == null || !te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
