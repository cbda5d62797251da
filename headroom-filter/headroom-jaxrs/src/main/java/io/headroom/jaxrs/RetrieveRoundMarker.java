package io.headroom.jaxrs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.BiConsumer;

/**
 * Tells the request filter that a request is one of its own retrieve follow-ups, whose body goes to the resource as
 * it is (no compression, no tool taken out, no loop of its own). The header carries a token random per filter, so a
 * client that sends the header itself changes nothing: its request is handled like any other.
 */
final class RetrieveRoundMarker {
    static final String HEADER = "x-headroom-retrieve-round";

    private final String token;

    RetrieveRoundMarker() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    void mark(BiConsumer<String, String> header, int round) {
        header.accept(HEADER, round + ";" + token);
    }

    /** True when {@code value} is a header {@link #mark} wrote. */
    boolean isFollowUp(String value) {
        if (value == null) {
            return false;
        }
        int semicolon = value.indexOf(';');
        return semicolon > 0 && MessageDigest.isEqual(value.substring(semicolon + 1).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
