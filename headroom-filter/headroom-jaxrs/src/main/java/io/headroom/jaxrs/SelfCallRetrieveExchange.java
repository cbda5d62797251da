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
                            RetrieveLoop.Step step = loop.onBody(current.readAll());
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

    /**
     * A stream the resource writes itself ({@code StreamingOutput}): its head goes to the client as it is, and its
     * events pass through the loop as the resource writes them, so the client reads them as they come. A follow-up
     * refused before any byte reached the client can then no longer change the status: the stream ends with the
     * provider's error event instead.
     */
    void answerStreamWrittenByResource(ContainerResponseContext response, StreamingOutput resourceStream) {
        loop.onAnswer(response.getStatus(), response.getHeaderString(HttpHeaders.CONTENT_TYPE)); // STREAM: checked
        streaming = true;
        current = new UpstreamAnswer(response.getStatus(), null, null, null); // nothing to read: it is pushed
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.setEntity((StreamingOutput) out -> {
            LoopFeed feed = new LoopFeed(out);
            try {
                resourceStream.write(feed);
            } catch (IOException | RuntimeException e) {
                if (feed.clientGone) {
                    logClientGone();
                    return;
                }
                LOG.warn("Headroom ended a stream with an error event: the resource's stream failed ({})",
                        e.getClass().getName());
                try {
                    write(out, loop.failure("the upstream call failed"));
                } catch (ClientGone gone) {
                    logClientGone();
                }
                return;
            }
            if (!feed.clientGone) {
                endOfStream(out);
            }
        });
    }

    private void endOfStream(OutputStream out) throws IOException {
        streaming = false;
        try {
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
        } catch (ClientGone e) {
            logClientGone();
            return;
        }
        continueInto(out);
    }

    /** What the resource writes into its stream, through the loop, to the client. */
    private final class LoopFeed extends OutputStream {
        private final OutputStream client;
        private boolean clientGone;
        private boolean wrote;

        LoopFeed(OutputStream client) {
            this.client = client;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] shown = loop.onChunk(java.util.Arrays.copyOfRange(b, off, off + len));
            if (shown.length > 0) {
                try {
                    client.write(shown);
                    wrote = true;
                } catch (IOException e) {
                    clientGone = true;
                    throw e;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (wrote) {
                try {
                    client.flush();
                } catch (IOException e) {
                    clientGone = true;
                    throw e;
                }
            }
        }

        @Override
        public void close() {
            // the resource closing its stream ends this round, not the client's stream
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
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_LENGTH); // the entity is a new one; the runtime sets its length
        if (answer.headers() != null) {
            response.setStatus(answer.status());
            headers.remove(HttpHeaders.CONTENT_TYPE);
            for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
                if (!NOT_RELAYED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    headers.put(h.getKey(), new ArrayList<>(h.getValue()));
                }
            }
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
