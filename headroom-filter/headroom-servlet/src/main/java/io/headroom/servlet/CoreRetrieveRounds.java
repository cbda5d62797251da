package io.headroom.servlet;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.host.retrieve.RetrieveLoop;
import java.util.Optional;

/** The filter's {@link RetrieveRounds} over the core's {@link RetrieveLoop}: the one loop every host runs. */
final class CoreRetrieveRounds implements RetrieveRounds {
    /** Starts the core loop for an exchange whose forwarded body carries the injected tool. */
    static final Starter STARTER = new Starter() {
        @Override
        public Optional<RetrieveRounds> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody,
                                              String scope) {
            return RetrieveLoop.start(headroom, endpoint, forwardedBody, scope).map(CoreRetrieveRounds::new);
        }

        @Override
        public String cannotAnswer(HeadroomConfig config) {
            return config.retrieve().maxRounds() == 0 ? "retrieve.max-rounds is 0" : null;
        }
    };

    private final RetrieveLoop loop;

    private CoreRetrieveRounds(RetrieveLoop loop) {
        this.loop = loop;
    }

    @Override
    public AnswerKind onAnswer(int status, String contentType) {
        return switch (loop.onAnswer(status, contentType)) {
            case BUFFER -> AnswerKind.BUFFER;
            case STREAM -> AnswerKind.STREAM;
            case PASS -> AnswerKind.PASS;
        };
    }

    @Override
    public Step onBody(byte[] body) {
        return step(loop.onBody(body));
    }

    @Override
    public long maxBufferedBytes() {
        return loop.maxBufferedBytes();
    }

    @Override
    public void tooLargeToWatch() {
        loop.tooLargeToWatch();
    }

    @Override
    public byte[] onChunk(byte[] chunk) {
        return loop.onChunk(chunk);
    }

    @Override
    public Step onStreamEnd() {
        return step(loop.onStreamEnd());
    }

    @Override
    public boolean clientBytesSent() {
        return loop.clientBytesSent();
    }

    @Override
    public byte[] failure(String message) {
        return loop.failure(message);
    }

    @Override
    public int rounds() {
        return loop.rounds();
    }

    private static Step step(RetrieveLoop.Step step) {
        if (step instanceof RetrieveLoop.FollowUp f) {
            return new FollowUp(f.body());
        }
        return new Deliver(((RetrieveLoop.Deliver) step).bytes());
    }
}
