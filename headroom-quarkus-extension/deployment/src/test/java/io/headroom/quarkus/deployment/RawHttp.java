package io.headroom.quarkus.deployment;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 GET with a Host header of the test's choosing, which java.net.http and RestAssured do not send. */
final class RawHttp {
    private RawHttp() {
    }

    /** The whole answer, status line first. */
    static String get(int port, String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
