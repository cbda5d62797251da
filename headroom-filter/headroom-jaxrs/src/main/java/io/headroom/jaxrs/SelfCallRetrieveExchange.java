package io.headroom.jaxrs;

import io.headroom.ErrorType;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HeadroomLog;
import io.headroom.host.HttpStatuses;
import io.headroom.host.retrieve.RetrieveLoop;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One client exchange whose forwarded body carries the injected {@code headroom_retrieve} tool, on the response
 * side: the core {@link RetrieveLoop} watches the resource's answer; a call is answered by sending the follow-up to
 * this same application ({@link SelfCall}) and watching that answer in turn; the client gets the stitched answer.
 *
 * <p>Everything up to the first byte for the client runs in the response filter, so a non-streamed answer, or a
 * follow-up refused (e.g. 429) before any byte, reaches the client with its own status and headers. Once a stream
 * has bytes for the client, the rest runs in the {@link StreamingOutput} that becomes the entity; a failure after
 * that ends the stream with the provider's error event ({@link RetrieveLoop#failure}).
 */
final class SelfCallRetrieveExchange {
    private static final HeadroomLog LOG = HeadroomLog.of(SelfCallRetrieveExchange.class);
    /** Headers of a follow-up's answer that describe that connection or that body, not the client's. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "date", "server", ":status");

    private final RetrieveLoop loop;
    private final SelfCall selfCall;
    private UpstreamAnswer current;
    private boolean streaming;

    SelfCallRetrieveExchange(RetrieveLoop loop, SelfCall selfCall) {
        this.loop = loop;
        this.selfCall = selfCall;
    }

    /** Runs the loop over the resource's answer until the client's response is known; sets it on {@code response}. */
    void answer(ContainerResponseContext response, UpstreamAnswer resourceAnswer) {
        current = resourceAnswer;
        try {
            while (true) {
                if (!streaming) {
                    switch (loop.onAnswer(current.status(), current.contentType())) {
                        case BUFFER -> {
                            byte[] whole = current.readAtMost(loop.maxBufferedBytes());
                            if (whole == null) {
                                loop.tooLargeToWatch();
                                respond(response, current, current.body()); // too large to watch: as it came
                                return;
                            }
                            RetrieveLoop.Step step = loop.onBody(whole);
                            if (step instanceof RetrieveLoop.Deliver deliver) {
                                respond(response, current, deliver.bytes());
                                return;
                            }
                            followUp((RetrieveLoop.FollowUp) step);
                            continue;
                        }
                        case PASS -> {
                            respond(response, current, current.body()); // nothing sent yet: as it came
                            return;
                        }
                        case STREAM -> streaming = true;
                    }
                }
                byte[] chunk = current.nextChunk();
                if (chunk == null) {
                    streaming = false;
                    RetrieveLoop.Step step = loop.onStreamEnd();
                    if (step instanceof RetrieveLoop.Deliver deliver) {
                        respond(response, current, deliver.bytes());
                        return;
                    }
                    followUp((RetrieveLoop.FollowUp) step);
                    continue;
                }
                byte[] first = loop.onChunk(chunk);
                if (first.length > 0) {
                    respond(response, current, (StreamingOutput) out -> {
                        out.write(first);
                        out.flush();
                        continueInto(out);
                    });
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            current.close();
            LOG.warn("Headroom could not complete a retrieve round ({}); answering 502", e.getClass().getName());
            response.setStatus(HttpStatuses.of(ErrorType.PROVIDER_ERROR));
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE);
            response.setEntity(ErrorBodies.of(ErrorType.PROVIDER_ERROR, "the retrieve follow-up failed"));
        }
    }

    /** The rest of a stream the client already has bytes of. */
    private void continueInto(OutputStream out) throws IOException {
        try {
            while (true) {
                if (!streaming) {
                    RetrieveLoop.AnswerKind kind = loop.onAnswer(current.status(), current.contentType());
                    if (kind != RetrieveLoop.AnswerKind.STREAM) {
                        // the client is mid-stream: never a clean end, nor a body of another shape
                        LOG.warn("Headroom ended a stream with an error event: retrieve round {} was answered with "
                                + "status {}", loop.rounds(), current.status());
                        current.close();
                        write(out, loop.failure("the upstream answered status " + current.status()));
                        return;
                    }
                    streaming = true;
                }
                byte[] chunk;
                try {
                    chunk = current.nextChunk();
                } catch (IOException e) {
                    failMidStream(out, e);
                    return;
                }
                if (chunk == null) {
                    streaming = false;
                    RetrieveLoop.Step step = loop.onStreamEnd();
                    if (step instanceof RetrieveLoop.Deliver deliver) {
                        write(out, deliver.bytes());
                        return;
                    }
                    try {
                        followUp((RetrieveLoop.FollowUp) step);
                    } catch (IOException e) {
                        failMidStream(out, e);
                        return;
                    }
                    continue;
                }
                write(out, loop.onChunk(chunk));
            }
        } catch (ClientGone e) {
            current.close(); // stops the self-call
            logClientGone();
        }
    }

    private void logClientGone() {
        LOG.debug("Headroom: the client disconnected during a retrieve exchange (round {}); the follow-up call was "
                + "stopped", loop.rounds());
    }

    private void followUp(RetrieveLoop.FollowUp step) throws IOException {
        current.close();
        current = selfCall.send(step.body(), loop.rounds());
    }

    private void failMidStream(OutputStream out, IOException e) throws ClientGone {
        current.close();
        LOG.warn("Headroom ended a stream with an error event: retrieve round {} failed ({})", loop.rounds(),
                e.getClass().getName());
        write(out, loop.failure("the upstream call failed"));
    }

    private static void write(OutputStream out, byte[] bytes) throws ClientGone {
        if (bytes.length == 0) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** The answer becomes the client's response: a follow-up's status and headers replace the resource's. */
    private static void respond(ContainerResponseContext response, UpstreamAnswer answer, Object entity) {
        if (answer.headers() != null) {
            // first: Quarkus REST answers setStatus with a new response, leaving earlier header maps behind
            response.setStatus(answer.status());
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_LENGTH); // the entity is a new one
        if (answer.headers() != null) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
                if (!NOT_RELAYED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    headers.put(h.getKey(), new ArrayList<>(h.getValue()));
                }
            }
        }
        if (entity instanceof byte[] whole) {
            // a whole answer keeps a length, as it came from the provider (a runtime may not buffer to count it)
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(whole.length));
        }
        response.setEntity(entity);
    }

    /** The client went away mid-stream. */
    private static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause);
        }
    }
}
