package io.headroom.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client that sends the headers and the first part of a request body, then nothing more, and reports what the
 * host did within a bounded wait: answered (status and body), closed the connection or reset the stream, or
 * nothing at all. Over HTTP/1.1 a raw socket (so the answer is read while the body is still "on its way"); over
 * h2c the JDK client, with a body publisher that never completes.
 */
final class StalledBody {
    /** What the host did with the stalled request. */
    record Outcome(int status, String contentType, byte[] body, boolean closed, boolean noAnswer) {
        static Outcome answered(int status, String contentType, byte[] body) {
            return new Outcome(status, contentType, body, false, false);
        }

        static Outcome closedWithoutAnswer() {
            return new Outcome(-1, null, new byte[0], true, false);
        }

        static Outcome nothing() {
            return new Outcome(-1, null, new byte[0], false, true);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private StalledBody() {
    }

    /**
     * POSTs {@code firstPart} of a body declared {@code declaredLength} bytes long to {@code path} and waits at most
     * {@code wait} for the host to do something about the rest never arriving.
     */
    static Outcome send(Protocol protocol, URI base, String path, byte[] firstPart, int declaredLength, Duration wait)
            throws IOException, InterruptedException {
        return protocol == Protocol.HTTP_1_1 ? overHttp11(base, path, firstPart, declaredLength, wait)
                : overH2c(base, path, firstPart, wait);
    }

    private static Outcome overHttp11(URI base, String path, byte[] firstPart, int declaredLength, Duration wait)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(firstPart);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                byte[] chunk = new byte[8192];
                int n;
                while ((n = in.read(chunk)) != -1) {
                    read.write(chunk, 0, n);
                    Outcome complete = parse(read.toByteArray());
                    if (complete != null) {
                        return complete;
                    }
                }
            } catch (SocketTimeoutException e) {
                return read.size() == 0 ? Outcome.nothing() : parseOrFail(read.toByteArray());
            } catch (IOException e) {
                // reset by the host
            }
            return read.size() == 0 ? Outcome.closedWithoutAnswer() : parseOrFail(read.toByteArray());
        }
    }

    private static Outcome overH2c(URI base, String path, byte[] firstPart, Duration wait)
            throws IOException, InterruptedException {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        h2c.send(HttpRequest.newBuilder(base.resolve(ConformanceClient.UPGRADE_PATH)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(new FirstPartOnly(firstPart)).build();
        try {
            HttpResponse<byte[]> r = h2c.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.answered(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (TimeoutException e) {
            return Outcome.nothing();
        } catch (ExecutionException e) {
            return Outcome.closedWithoutAnswer(); // the stream was reset or the connection closed
        }
    }

    /** A complete HTTP/1.1 answer (headers and a Content-Length body), or null while incomplete. */
    private static Outcome parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        int length = 0;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        int bodyStart = end + 4;
        if (bytes.length - bodyStart < length) {
            return null;
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, bodyStart, bodyStart + length);
        return Outcome.answered(status, contentType, body);
    }

    private static Outcome parseOrFail(byte[] bytes) {
        Outcome o = parse(bytes);
        if (o == null) {
            throw new AssertionError("an incomplete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return o;
    }

    /** Publishes one buffer and then nothing, never completing: a sender gone silent mid-body. */
    private record FirstPartOnly(byte[] firstPart) implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean sent;

                @Override
                public void request(long n) {
                    if (!sent && n > 0) {
                        sent = true;
                        subscriber.onNext(ByteBuffer.wrap(firstPart));
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }
}
