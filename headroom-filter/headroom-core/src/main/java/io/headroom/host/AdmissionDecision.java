package io.headroom.host;

import io.headroom.Endpoint;
import io.headroom.Mode;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Admission#decide} made of a request's line and headers, before any body byte was read.
 *
 * @param action       what the host does next
 * @param endpoint     the LLM endpoint addressed; null for {@link Action#IGNORE}
 * @param modeOverride the client's {@code x-headroom-mode}, or null for the configured mode
 * @param encoding     gzip or deflate to decode, or null for an identity body
 * @param reason       why the request passes through; null unless {@link Action#PASS_THROUGH}
 */
public record AdmissionDecision(Action action, Endpoint endpoint, Mode modeOverride, BodyEncoding encoding,
                                PassReason reason) {

    /** What a host does with the request. */
    public enum Action {
        /** Not an LLM request: continue the chain, set no header. */
        IGNORE,
        /** An LLM request Headroom leaves alone: continue with the body as sent, set {@link #responseHeaders()}. */
        PASS_THROUGH,
        /** Read the body (at most {@code max-body-bytes}, as it arrives) and hand it to {@link Admission#rewrite}. */
        READ_BODY
    }

    static AdmissionDecision ignore() {
        return new AdmissionDecision(Action.IGNORE, null, null, null, null);
    }

    static AdmissionDecision pass(Endpoint endpoint, PassReason reason) {
        return new AdmissionDecision(Action.PASS_THROUGH, endpoint, null, null, reason);
    }

    static AdmissionDecision read(Endpoint endpoint, Mode modeOverride, BodyEncoding encoding) {
        return new AdmissionDecision(Action.READ_BODY, endpoint, modeOverride, encoding, null);
    }

    public boolean readBody() {
        return action == Action.READ_BODY;
    }

    public Optional<BodyEncoding> bodyEncoding() {
        return Optional.ofNullable(encoding);
    }

    /** The headers a host sets on the response of a pass-through request; none for an ignored one. */
    public Map<String, String> responseHeaders() {
        return action == Action.IGNORE ? Map.of() : HeadroomHeaders.untouched();
    }
}
