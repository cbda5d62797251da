package io.headroom.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The downstream behind the filter, playing the model: the first request of a conversation is answered with a
 * {@code headroom_retrieve} call, a follow-up ({@code {"follow_up":n}}) with text; how, is picked by the request's
 * {@value #SCRIPT} header. Every body it reads is recorded under the request's {@value #ID} header.
 */
public class ScriptedModelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ID = "x-test-id";
    static final String SCRIPT = "x-script";
    static final String CALL_JSON = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"{}\"}}]}}]}";
    static final String TEXT_EVENT = "data: {\"delta\":\"the text before\"}\n\n";
    static final String CALL_EVENT = "data: {\"delta\":{\"tool_calls\":[{\"function\":{\"name\":\"headroom_retrieve\"}}]}}\n\n";
    static final String FINAL_EVENTS = "data: {\"delta\":\"the final answer\"}\n\ndata: [DONE]\n\n";

    /** A body the downstream read, with the Content-Length it saw. */
    record Received(String body, String contentLength) {
    }

    private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    /** Released by a test once its client saw the first streamed event: the rest is written only then. */
    static final Map<String, CountDownLatch> CLIENT_SAW_FIRST = new ConcurrentHashMap<>();
    /** What ended an endless stream: the exception the downstream's write got. */
    static final Map<String, BlockingQueue<Throwable>> STREAM_STOPPED = new ConcurrentHashMap<>();

    static List<Received> received(String id) {
        return RECEIVED.getOrDefault(id, List.of());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String id = request.getHeader(ID);
        if (id != null) { // the h2c warm-up GET has none
            RECEIVED.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                    .add(new Received(body, request.getHeader("Content-Length")));
        }
        boolean followUp = body.startsWith("{\"follow_up\":");
        String script = String.valueOf(request.getHeader(SCRIPT));
        switch (script) {
            case "json" -> json(response, followUp ? "{\"choices\":[{\"message\":{\"content\":\"answer after "
                    + body + "\"}}]}" : CALL_JSON);
            case "sse" -> {
                if (followUp) {
                    sse(response, FINAL_EVENTS);
                } else {
                    sse(response, TEXT_EVENT);
                    awaitClient(id);
                    write(response, CALL_EVENT);
                }
            }
            case "sse-call-then-429" -> {
                if (followUp) {
                    response.setStatus(429);
                    response.setHeader("retry-after", "7");
                    json(response, 429, "{\"error\":{\"type\":\"rate_limit\"}}");
                } else {
                    sse(response, CALL_EVENT);
                }
            }
            case "sse-text-call-then-500" -> {
                if (followUp) {
                    json(response, 500, "{\"error\":{\"type\":\"server_error\"}}");
                } else {
                    sse(response, TEXT_EVENT);
                    write(response, CALL_EVENT);
                }
            }
            case "endless" -> endless(id, response);
            case "async" -> {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    try {
                        json((HttpServletResponse) async.getResponse(), followUp
                                ? "{\"choices\":[{\"message\":{\"content\":\"async answer after " + body + "\"}}]}"
                                : CALL_JSON);
                    } catch (IOException e) {
                        // the client went away
                    } finally {
                        async.complete();
                    }
                });
            }
            default -> json(response, "{\"echo\":" + body + "}");
        }
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        json(response, 200, body);
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void sse(HttpServletResponse response, String events) throws IOException {
        response.setContentType("text/event-stream");
        write(response, events);
    }

    private static void write(HttpServletResponse response, String events) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        out.write(events.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitClient(String id) throws IOException {
        CountDownLatch latch = CLIENT_SAW_FIRST.get(id);
        try {
            if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the client never saw the first event");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Streams text until a write fails, as a proxy relaying a long answer does; records what stopped it. */
    private static void endless(String id, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        try {
            for (int i = 0; i < 100_000; i++) {
                write(response, "data: {\"delta\":\"chunk " + i + "\"}\n\n");
                Thread.sleep(5);
            }
            STREAM_STOPPED.get(id).add(new AssertionError("the stream was never stopped"));
        } catch (IOException e) {
            STREAM_STOPPED.get(id).add(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
