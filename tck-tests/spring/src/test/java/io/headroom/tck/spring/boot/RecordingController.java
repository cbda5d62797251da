package io.headroom.tck.spring.boot;

import io.headroom.tck.spring.ReceivedRequest;
import io.headroom.tck.spring.SseScript;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The LLM backend behind the filter: answers each {@code /v1/**} request with a {@link ReceivedRequest}
 * report of what the controller received, or, when the client accepts {@code text/event-stream}, with a
 * stream of events whose first one carries that report.
 */
@RestController
class RecordingController {
    private final TaskExecutor executor;

    RecordingController(TaskExecutor executor) {
        this.executor = executor;
    }

    @RequestMapping(path = "/v1/**", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] record(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return received(request, body).toJson();
    }

    @RequestMapping(path = "/v1/**", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        SseEmitter emitter = new SseEmitter();
        byte[] report = received(request, body).toJson();
        executor.execute(() -> play(emitter, report));
        return emitter;
    }

    private static void play(SseEmitter emitter, byte[] report) {
        try {
            List<String> events = SseScript.events(report);
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    SseScript.pause();
                }
                emitter.send(SseEmitter.event().data(events.get(i), MediaType.TEXT_PLAIN));
            }
            emitter.complete();
        } catch (IOException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.completeWithError(e);
        }
    }

    private static ReceivedRequest received(HttpServletRequest request, byte[] body) {
        return ReceivedRequest.of(request.getMethod(), request.getRequestURI(), request.getProtocol(),
                name -> Collections.list(request.getHeaders(name)), body == null ? new byte[0] : body);
    }
}
