package io.headroom.servlet;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.host.retrieve.RetrieveTool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A stand-in for the core's retrieve loop, just enough to drive the servlet mechanics: an answer naming
 * {@code headroom_retrieve} is a call, answered by a follow-up body {@code {"follow_up":<round>}}; any other answer is
 * delivered. Stream chunks without a call go to the client as they come; a chunk with a call is held back.
 */
final class ScriptedRounds implements RetrieveRounds {
    static final int MAX_ROUNDS = 3;
    private static final byte[] CALL = RetrieveTool.NAME.getBytes(StandardCharsets.UTF_8);

    /** Starts a loop for every forwarded body that declares the tool. */
    static final Starter STARTER = new Starter() {
        @Override
        public Optional<RetrieveRounds> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody, String scope) {
            return contains(forwardedBody, CALL) ? Optional.of(new ScriptedRounds()) : Optional.empty();
        }

        @Override
        public String cannotAnswer(HeadroomConfig config) {
            return null;
        }
    };

    /** A starter that cannot answer (as with retrieve.max-rounds=0). */
    static final Starter DISABLED = new Starter() {
        @Override
        public Optional<RetrieveRounds> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody, String scope) {
            throw new AssertionError("a disabled loop is never started");
        }

        @Override
        public String cannotAnswer(HeadroomConfig config) {
            return "retrieve.max-rounds is 0";
        }
    };

    private int rounds;
    private boolean sent;
    private boolean callInStream;

    @Override
    public AnswerKind onAnswer(int status, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (status / 100 != 2) {
            return AnswerKind.PASS;
        }
        if (type.startsWith("text/event-stream")) {
            callInStream = false;
            return AnswerKind.STREAM;
        }
        return type.startsWith("application/json") ? AnswerKind.BUFFER : AnswerKind.PASS;
    }

    @Override
    public Step onBody(byte[] body) {
        return contains(body, CALL) && rounds < MAX_ROUNDS ? followUp() : new Deliver(body);
    }

    @Override
    public byte[] onChunk(byte[] chunk) {
        if (contains(chunk, CALL)) {
            callInStream = true;
            return new byte[0];
        }
        sent = true;
        return chunk;
    }

    @Override
    public Step onStreamEnd() {
        return callInStream && rounds < MAX_ROUNDS ? followUp() : new Deliver(new byte[0]);
    }

    @Override
    public boolean clientBytesSent() {
        return sent;
    }

    @Override
    public byte[] failure(String message) {
        return ("data: {\"error\":{\"message\":\"" + message + "\"}}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int rounds() {
        return rounds;
    }

    private Step followUp() {
        rounds++;
        return new FollowUp(("{\"follow_up\":" + rounds + "}").getBytes(StandardCharsets.UTF_8));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
