package io.headroom.host.retrieve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.HeadroomConfig;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.BodyEncoding;
import io.headroom.host.BodyRewrite;
import io.headroom.host.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Takes the {@code headroom_retrieve} tool Headroom injected back out of a forwarded body, for a host that does not
 * answer the model's calls (a Headroom configured to inject it, in front of a downstream nobody re-invokes): a call
 * nobody answers would reach the client, whose agent has no such tool. A tool the client itself declared stays.
 * Every other byte of the body is kept ({@link JsonCodec}). Every host that cannot answer calls uses this one
 * class, so "not offered" means the same everywhere.
 */
public final class RetrieveToolWithdrawal {
    private static final byte[] NAME = RetrieveTool.NAME.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOOLS = "\"tools\"".getBytes(StandardCharsets.UTF_8);

    private final JsonCodec codec;
    private final long maxBodyBytes;
    private final boolean injects;

    /** For the bodies of a Headroom configured with {@code config}. */
    public static RetrieveToolWithdrawal of(HeadroomConfig config) {
        return new RetrieveToolWithdrawal(config.limits().maxBodyBytes(), config.ccr().injectTool());
    }

    private RetrieveToolWithdrawal(long maxBodyBytes, boolean injects) {
        this.codec = JsonCodec.shared(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.injects = injects;
    }

    /**
     * The rewrite without the tool Headroom injected into it.
     *
     * @param received the body as the client sent it (still encoded when {@code rewrite.decoded()})
     * @return {@code rewrite} itself when nothing was injected
     */
    public BodyRewrite withdraw(BodyRewrite rewrite, AdmissionDecision decision, byte[] received) {
        Objects.requireNonNull(rewrite, "rewrite");
        if (!injects || !rewrite.changed() || rewrite.outcome() == null || rewrite.outcome().ccrHashes().isEmpty()) {
            return rewrite; // the tool goes in only when something went to CCR
        }
        byte[] sent = received;
        if (rewrite.decoded()) {
            BodyEncoding encoding = decision.encoding();
            sent = encoding == null ? null
                    : encoding.decode(received, maxBodyBytes, BodyEncoding.DEFAULT_MAX_RATIO).orElse(null);
            if (sent == null) {
                return rewrite;
            }
        }
        byte[] forwarded = withdraw(rewrite.body(), sent);
        return forwarded == rewrite.body() ? rewrite
                : new BodyRewrite(forwarded, true, rewrite.decoded(), rewrite.responseHeaders(), rewrite.outcome());
    }

    /**
     * @param forwarded the rewritten body
     * @param sent      the JSON the client sent (decoded when it was encoded)
     * @return {@code forwarded} without the injected tool; {@code forwarded} itself when there is none
     */
    public byte[] withdraw(byte[] forwarded, byte[] sent) {
        if (ByteSearch.indexOf(forwarded, NAME) < 0 || ByteSearch.indexOf(sent, NAME) >= 0) {
            return forwarded; // nothing injected, or the client's own tool of that name
        }
        JsonNode root;
        try {
            root = codec.parse(forwarded);
        } catch (JsonProcessingException e) {
            return forwarded;
        }
        if (!(root instanceof ObjectNode request) || !(request.get("tools") instanceof ArrayNode tools)) {
            return forwarded;
        }
        boolean removed = false;
        for (int i = tools.size() - 1; i >= 0; i--) {
            if (RetrieveTool.isDefinition(tools.get(i))) {
                tools.remove(i);
                removed = true;
            }
        }
        if (!removed) {
            return forwarded;
        }
        if (tools.isEmpty() && ByteSearch.indexOf(sent, TOOLS) < 0) {
            request.remove("tools"); // the injection created the list
        }
        return codec.write(request);
    }

}
