package io.headroom.servlet;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import java.util.Optional;

/**
 * What the filter needs from the core's retrieve loop ({@code io.headroom.host.retrieve.RetrieveLoop}), one
 * instance per client exchange: it mirrors that contract so the servlet mechanics (capturing the downstream's
 * answer, re-invoking the downstream with a follow-up body, writing the client's response) do not depend on how
 * the loop answers the model's {@code headroom_retrieve} calls. Driven from one thread at a time.
 */
interface RetrieveRounds {

    /** How the filter handles one answer of the downstream. */
    enum AnswerKind {
        /** A 2xx JSON answer: collect the whole body, then {@link #onBody}. */
        BUFFER,
        /** A 2xx event stream: feed chunks to {@link #onChunk}, then {@link #onStreamEnd}. */
        STREAM,
        /** Anything else: relayed as it came while no client byte was sent, else the stream ends with {@link #failure}. */
        PASS
    }

    /** What to do once an answer ended. */
    sealed interface Step permits Deliver, FollowUp {
    }

    /** Non-streaming: the client's body; streaming: the last bytes to write before the stream ends. */
    record Deliver(byte[] bytes) implements Step {
    }

    /** Send this body downstream again (the original request's headers, its own length) and handle the answer. */
    record FollowUp(byte[] body) implements Step {
    }

    AnswerKind onAnswer(int status, String contentType);

    Step onBody(byte[] body);

    /** The most bytes of a {@link AnswerKind#BUFFER} answer the filter collects; past it the answer is relayed. */
    default long maxBufferedBytes() {
        return Long.MAX_VALUE;
    }

    /** A {@link AnswerKind#BUFFER} answer outgrew {@link #maxBufferedBytes()}: it is relayed as it came. */
    default void tooLargeToWatch() {
    }

    /** @return the bytes to write to the client now (may be empty) */
    byte[] onChunk(byte[] chunk);

    Step onStreamEnd();

    /** True once any body byte this loop produced was handed to the client. */
    boolean clientBytesSent();

    /** The provider's own error event that ends a stream which already sent bytes; never a clean end. */
    byte[] failure(String message);

    int rounds();

    /** Starts a loop per exchange; the core's {@code RetrieveLoop::start} behind it. */
    interface Starter {
        /** A starter that never answers: the filter then does not inject the tool. */
        Starter NONE = new Starter() {
            @Override
            public Optional<RetrieveRounds> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody,
                                                  String scope) {
                return Optional.empty();
            }

            @Override
            public String cannotAnswer(HeadroomConfig config) {
                return "the retrieve loop is not available in this build";
            }
        };

        /** A loop for this exchange, or empty when the forwarded body carries no injected tool. */
        Optional<RetrieveRounds> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody, String scope);

        /** Why no call can be answered with this configuration (e.g. max rounds 0), or null when they can. */
        String cannotAnswer(HeadroomConfig config);
    }
}
