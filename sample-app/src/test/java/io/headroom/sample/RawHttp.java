package io.headroom.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, with exactly the bytes given: the JDK client refuses to send
 * a forged Host, and nothing else sends a PROXY protocol preamble. Reads the answer until the server closes.
 */
final class RawHttp {
    /** An answer: status code (0 when the server closed without a status line) and everything received. */
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    /** Sends {@code request} (CRLF line ends, {@code Connection: close} expected) to loopback {@code port}. */
    static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    received.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // a reset after the answer still leaves the answer
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int status = 0;
            if (text.startsWith("HTTP/1.")) {
                status = Integer.parseInt(text.substring(9, 12));
            }
            return new Answer(status, text);
        }
    }

    /** A GET of {@code path} with {@code Host: host} and the extra header lines given (each "Name: value"). */
    static Answer get(int port, String path, String host, String... headers) throws IOException {
        StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        r.append("Connection: close\r\n\r\n");
        return exchange(port, r.toString());
    }
}
