package io.headroom.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays an OpenAI chat model behind the filter, with the real core loop in front: a request whose tool output was
 * compressed (it holds a {@code hash=} marker) is answered with a {@code headroom_retrieve} call for that hash, in
 * gpt-4o's streamed shape when asked to stream (role and tool call in the first chunk); the follow-up, which
 * carries the retrieved original as the tool's answer, is answered with text saying whether the needle came back.
 */
public class RetrievingModelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** An ordinary row of the tool output (no outlier, no error), which compression drops. */
    static final String NEEDLE = "item-217";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    /** The h2c warm-up: a request without a body, which Jetty upgrades. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(body);
        JsonNode req = JSON.readTree(body);
        boolean stream = req.path("stream").asBoolean(false);
        JsonNode last = req.path("messages").get(req.path("messages").size() - 1);
        if ("tool".equals(last.path("role").asText()) && "call_hr".equals(last.path("tool_call_id").asText())) {
            String text = "needle present: " + last.path("content").asText().contains(NEEDLE);
            if (stream) {
                sse(response, chunk(delta().put("role", "assistant").put("content", ""), null),
                        chunk(delta().put("content", text), null), chunk(delta(), "stop"));
            } else {
                json(response, "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                        + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                        + "\"},\"finish_reason\":\"stop\"}]}");
            }
            return;
        }
        Matcher m = HASH.matcher(body);
        if (!m.find()) {
            json(response, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"nothing to "
                    + "retrieve\"},\"finish_reason\":\"stop\"}]}");
            return;
        }
        String arguments = "{\\\"hash\\\":\\\"" + m.group(1) + "\\\"}";
        String call = "[{\"index\":0,\"id\":\"call_hr\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\","
                + "\"arguments\":\"" + arguments + "\"}}]";
        if (stream) {
            ObjectNode first = delta().put("role", "assistant");
            first.set("tool_calls", JSON.readTree(call));
            sse(response, chunk(first, null), chunk(delta(), "tool_calls"));
        } else {
            json(response, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                    + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + call
                    + "},\"finish_reason\":\"tool_calls\"}]}");
        }
    }

    private static ObjectNode delta() {
        return JSON.createObjectNode();
    }

    private static String chunk(ObjectNode delta, String finish) {
        ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-s").put("object", "chat.completion.chunk")
                .put("model", "gpt-4o");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return c.toString();
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sse(HttpServletResponse response, String... chunks) throws IOException {
        response.setContentType("text/event-stream");
        for (String c : chunks) {
            response.getOutputStream().write(("data: " + c + "\n\n").getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        }
        response.getOutputStream().write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
