package io.headroom.servlet;

import io.headroom.host.HeadroomLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * One client exchange whose forwarded body carries the injected {@code headroom_retrieve} tool: runs the
 * downstream (the rest of the filter chain: a proxy servlet, a gateway route, the application's controller) once
 * per round, each time into a fresh {@link AnswerCapture}, lets the {@link RetrieveRounds loop} decide what each
 * answer means, and writes the one answer the client receives. A follow-up goes through the same chain object
 * again with the follow-up body; every container tested (Jetty 12, Tomcat 10.1/11) runs the downstream again.
 */
final class RetrieveExchange {
    private static final HeadroomLog LOG = HeadroomLog.of(RetrieveExchange.class);

    private final HttpServletRequest original;
    private final boolean decoded;
    private final HttpServletResponse client;
    private final Map<String, String> headroomHeaders;
    private final RetrieveRounds loop;
    private boolean headWritten;
    private boolean bodyBytesWritten;
    private boolean clientGone;

    /**
     * @param original        the client's request; follow-ups carry its headers
     * @param decoded         true when the forwarded body is the decoded form of an encoded request
     * @param headroomHeaders the {@code x-headroom-*} headers already set on {@code client}
     */
    RetrieveExchange(HttpServletRequest original, boolean decoded, HttpServletResponse client,
                     Map<String, String> headroomHeaders, RetrieveRounds loop) {
        this.original = original;
        this.decoded = decoded;
        this.client = client;
        this.headroomHeaders = headroomHeaders;
        this.loop = loop;
    }

    void run(FilterChain chain, HttpServletRequest first) throws IOException, ServletException {
        HttpServletRequest request = first;
        while (true) {
            AnswerCapture answer = new AnswerCapture(client, this);
            try {
                runRound(chain, new RoundRequest(request, answer), answer);
            } catch (IOException | ServletException | RuntimeException e) {
                if (clientGone) {
                    logClientGone();
                    return;
                }
                if (bodyBytesWritten) {
                    // the client is mid-stream: end it with the provider's error event, never a clean end
                    LOG.warn("Headroom ended a stream with an error event: the downstream failed in retrieve round {} ({})",
                            loop.rounds(), e.getClass().getName());
                    writeFailure("the upstream call failed");
                    return;
                }
                throw e;
            }
            RetrieveRounds.Step step = finish(answer);
            if (clientGone) {
                logClientGone();
                return;
            }
            if (step == null) {
                return;
            }
            if (step instanceof RetrieveRounds.Deliver deliver) {
                deliver(answer, deliver.bytes());
                return;
            }
            request = new CachedBodyRequest(original, ((RetrieveRounds.FollowUp) step).body(), decoded);
        }
    }

    /**
     * Runs the downstream once, to the end of its answer: when it goes asynchronous, this thread waits for it and
     * runs its dispatches ({@link RoundAsync}), as it would wait for a synchronous downstream.
     */
    private static void runRound(FilterChain chain, RoundRequest round, AnswerCapture answer)
            throws IOException, ServletException {
        chain.doFilter(round, answer);
        RoundAsync async;
        while ((async = round.startedAsync()) != null) {
            RoundAsync.End end;
            try {
                end = async.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for an asynchronous answer", e);
            }
            if (end == RoundAsync.End.COMPLETE) {
                round.asyncEnded();
                async.completed();
                return;
            }
            if (async.dispatchPath() != null) {
                // a dispatch to another target: the filter can only run its own chain
                async.failed(new IllegalStateException("Headroom runs dispatches to the request's own target only"));
                throw new ServletException("an asynchronous dispatch to " + async.dispatchPath()
                        + " inside a retrieve exchange is not supported");
            }
            round.dispatching();
            try {
                chain.doFilter(async.dispatchRequest(), async.dispatchResponse());
            } catch (IOException | ServletException | RuntimeException e) {
                async.failed(e);
                async.completed();
                throw e;
            }
            if (round.startedAsync() == null) {
                async.completed();
            }
        }
    }

    /** The answer ended: the loop's next step, or null when it was relayed (or dropped and the stream failed). */
    private RetrieveRounds.Step finish(AnswerCapture answer) throws IOException {
        AnswerCapture.Route route;
        try {
            route = answer.end();
        } catch (ClientGoneException e) {
            return null;
        }
        return switch (route) {
            case COLLECT -> loop.onBody(answer.collectedBody());
            case STREAM -> loop.onStreamEnd();
            case RELAY -> null;
            case DROP -> {
                LOG.warn("Headroom ended a stream with an error event: retrieve round {} was answered with status {}",
                        loop.rounds(), answer.head().status());
                writeFailure("the upstream answered status " + answer.head().status());
                yield null;
            }
        };
    }

    /** Called by a capture when its answer commits: where its bytes go. */
    AnswerCapture.Route onHead(AnswerCapture answer) {
        CapturedHead head = answer.head();
        RetrieveRounds.AnswerKind kind = answer.errorSent() ? RetrieveRounds.AnswerKind.PASS
                : loop.onAnswer(head.status(), head.contentType());
        switch (kind) {
            case BUFFER -> {
                return AnswerCapture.Route.COLLECT;
            }
            case STREAM -> {
                if (!headWritten) {
                    head.writeTo(client, false);
                    headWritten = true;
                }
                return AnswerCapture.Route.STREAM;
            }
            default -> {
                if (bodyBytesWritten || loop.clientBytesSent() || client.isCommitted()) {
                    return AnswerCapture.Route.DROP;
                }
                if (headWritten) {
                    // an earlier round's stream head, never sent: this answer's head replaces it
                    client.reset();
                    headroomHeaders.forEach(client::setHeader);
                }
                head.writeTo(client, true);
                headWritten = true;
                return AnswerCapture.Route.RELAY;
            }
        }
    }

    /** A chunk of a streamed answer: the loop decides what the client gets now. */
    void streamChunk(byte[] chunk) throws IOException {
        byte[] out = loop.onChunk(chunk);
        if (out.length > 0) {
            writeRaw(out, 0, out.length);
            flushClient();
        }
    }

    void writeRaw(byte[] bytes) throws IOException {
        writeRaw(bytes, 0, bytes.length);
    }

    void writeRaw(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (clientGone) {
            throw new ClientGoneException(null);
        }
        try {
            client.getOutputStream().write(b, off, len);
            bodyBytesWritten = true;
        } catch (IOException e) {
            clientGone = true;
            throw new ClientGoneException(e);
        }
    }

    /** Flushes what this exchange wrote; a head alone is not flushed, so a later answer can still replace it. */
    void flushClient() throws IOException {
        if (!bodyBytesWritten) {
            return;
        }
        if (clientGone) {
            throw new ClientGoneException(null);
        }
        try {
            client.flushBuffer();
        } catch (IOException e) {
            clientGone = true;
            throw new ClientGoneException(e);
        }
    }

    void sendError(int status, String message) throws IOException {
        client.sendError(status, message);
    }

    private void deliver(AnswerCapture answer, byte[] bytes) throws IOException {
        try {
            if (!headWritten) {
                answer.head().writeTo(client, false);
                client.setContentLengthLong(bytes.length);
                headWritten = true;
            }
            writeRaw(bytes);
            flushClient();
        } catch (ClientGoneException e) {
            logClientGone();
        }
    }

    private void writeFailure(String message) throws IOException {
        try {
            writeRaw(loop.failure(message));
            flushClient();
        } catch (ClientGoneException e) {
            logClientGone();
        }
    }

    private void logClientGone() {
        LOG.debug("Headroom: the client disconnected during a retrieve exchange (round {}); the downstream call was "
                + "stopped", loop.rounds());
    }
}
