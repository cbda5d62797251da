package io.headroom.tck;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** Upstream answering with server-sent events, flushed one by one with a pause in between. */
public class SseServlet extends HttpServlet {
    static final long PAUSE_MILLIS = 1500;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int received = request.getInputStream().readAllBytes().length;
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        PrintWriter out = response.getWriter();
        event(out, response, "{\"id\":1,\"received_bytes\":" + received + "}");
        pause();
        event(out, response, "{\"id\":2}");
        pause();
        event(out, response, "[DONE]");
    }

    private static void event(PrintWriter out, HttpServletResponse response, String data) throws IOException {
        out.write("data: " + data + "\n\n");
        out.flush();
        response.flushBuffer();
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        }
    }
}
