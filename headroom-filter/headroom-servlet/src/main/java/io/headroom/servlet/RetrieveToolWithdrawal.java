package io.headroom.servlet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.host.JsonCodec;
import io.headroom.host.retrieve.RetrieveTool;
import java.nio.charset.StandardCharsets;

/**
 * Takes the {@code headroom_retrieve} tool Headroom injected back out of a forwarded body, for a filter that cannot
 * answer the model's calls (a Headroom configured to inject it, in front of a downstream the filter cannot
 * re-invoke): a call nobody answers would reach the client, whose agent has no such tool. A tool the client itself
 * declared stays. Every other byte of the body is kept ({@link JsonCodec}).
 */
final class RetrieveToolWithdrawal {
    private static final byte[] NAME = RetrieveTool.NAME.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOOLS = "\"tools\"".getBytes(StandardCharsets.UTF_8);

    private final JsonCodec codec;

    RetrieveToolWithdrawal(long maxBodyBytes) {
        this.codec = new JsonCodec(maxBodyBytes);
    }

    /**
     * @param forwarded the rewritten body
     * @param sent      the JSON the client sent (decoded when it was encoded)
     * @return {@code forwarded} without the injected tool; {@code forwarded} itself when there is none
     */
    byte[] withdraw(byte[] forwarded, byte[] sent) {
        if (indexOf(forwarded, NAME) < 0 || indexOf(sent, NAME) >= 0) {
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
        if (tools.isEmpty() && indexOf(sent, TOOLS) < 0) {
            request.remove("tools"); // the injection created the list
        }
        return codec.write(request);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
