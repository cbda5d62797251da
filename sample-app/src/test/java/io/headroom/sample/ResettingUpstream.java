package io.headroom.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An upstream that breaks connections: it reads the request head, then resets the connection (TCP RST
 * via SO_LINGER 0), either at once or, when the request line contains {@code partial}, after sending a
 * status line, headers and part of the promised body.
 */
final class ResettingUpstream implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    ResettingUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                executor.submit(() -> breakOff(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void breakOff(Socket s) {
        try (s) {
            String head = readHead(s.getInputStream());
            if (head.lines().findFirst().orElse("").contains("partial")) {
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"id\":\"cut-off").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
            s.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (IOException e) {
            // the peer went away first: nothing to break
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
