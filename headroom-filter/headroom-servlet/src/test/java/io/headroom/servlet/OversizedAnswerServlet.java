package io.headroom.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a model whose non-streamed answer is larger than the filter's max-body-bytes: a {@code headroom_retrieve}
 * call for the compressed output's hash, padded with {@value #ANSWER_BYTES} bytes of text. It writes the first
 * {@value #BEFORE_PAUSE} bytes (more than the bound), then holds the rest until the test says its client read the
 * start of the answer ({@link #clientReadTheStart}), so a filter that collected the whole answer never lets it go on
 * before the pause ends.
 */
public class OversizedAnswerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int ANSWER_BYTES = 256 * 1024;
    static final int BEFORE_PAUSE = 96 * 1024;
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile byte[] written;
    static volatile CountDownLatch clientReadTheStart = new CountDownLatch(1);
    /** True when the rest was written after the client had read the start, false when the pause timed out. */
    static volatile Boolean restAfterClientRead;

    static void reset() {
        RECEIVED.clear();
        written = null;
        restAfterClientRead = null;
        clientReadTheStart = new CountDownLatch(1);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(body);
        Matcher m = HASH.matcher(body);
        String hash = m.find() ? m.group(1) : "000000000000000000000000";
        byte[] answer = answer(hash);
        written = answer;
        response.setContentType("application/json");
        OutputStream out = response.getOutputStream();
        for (int off = 0; off < BEFORE_PAUSE; off += 4096) {
            out.write(answer, off, 4096);
        }
        out.flush();
        try {
            restAfterClientRead = clientReadTheStart.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        out.write(answer, BEFORE_PAUSE, answer.length - BEFORE_PAUSE);
    }

    /** A chat completion calling headroom_retrieve for {@code hash}, with padding text: exactly ANSWER_BYTES. */
    private static byte[] answer(String hash) {
        String head = "{\"id\":\"chatcmpl-big\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_hr\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\""
                + hash + "\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],\"padding\":\"";
        String tail = "\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream(ANSWER_BYTES);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        byte[] padding = new byte[ANSWER_BYTES - head.length() - tail.length()];
        Arrays.fill(padding, (byte) 'x');
        out.writeBytes(padding);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
