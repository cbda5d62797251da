package io.headroom.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What the image stage did to one request.
 *
 * @param tally        images per technique with their tokens
 * @param results      one entry per image, in request order
 * @param transforms   one {@code image:<technique>:<ratio>} entry per changed image
 * @param ccrHashes    keys of the originals stored in CCR
 * @param changed      true when the tree was modified
 */
public record ImageRun(ImageTally tally, List<ImageResult> results, List<String> transforms, List<String> ccrHashes,
                       boolean changed) {

    /**
     * One image.
     *
     * @param node         the image part as it is now (after resizing: the same node; after transcode: the text part
     *                     that replaced it, whose tokens are the text's)
     * @param messageIndex index of the message holding it
     * @param partIndex    index of the part in its content array (of the tool result's content when inside one)
     * @param technique    see {@link ImageTally#KINDS}
     * @param stillImage   false when the image was replaced by text
     * @param ccrHash      key of its original in CCR when the stage changed it and the store confirmed it, else null
     */
    public record ImageResult(ObjectNode node, int messageIndex, int partIndex, String technique, int tokensBefore,
                              int tokensAfter, boolean stillImage, String transform, String ccrHash) {
    }

    public int tokensBefore() {
        return results.stream().mapToInt(ImageResult::tokensBefore).sum();
    }

    public int tokensAfter() {
        return results.stream().mapToInt(ImageResult::tokensAfter).sum();
    }

    /**
     * Every content part of {@code root}'s messages, and of the tool results inside them, by identity: where a later
     * stage's drops show (context management removes whole messages, never rebuilds the parts it keeps).
     */
    static Set<ObjectNode> partsIn(Endpoint endpoint, ObjectNode root) {
        Set<ObjectNode> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        JsonNode list = root.get(endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages");
        if (list instanceof ArrayNode messages) {
            for (JsonNode message : messages) {
                addParts(message.get("content"), parts);
            }
        }
        return parts;
    }

    private static void addParts(JsonNode content, Set<ObjectNode> parts) {
        if (!(content instanceof ArrayNode array)) {
            return;
        }
        for (JsonNode part : array) {
            if (part instanceof ObjectNode object) {
                parts.add(object);
                addParts(object.get("content"), parts); // a tool_result's own content parts
            }
        }
    }

    /**
     * Tokens of the images still in {@code root} after later stages (context management may drop whole messages):
     * images are found again and matched by node identity; text that replaced an image is counted with the texts.
     */
    public int imageTokensIn(Endpoint endpoint, ObjectNode root) {
        if (results.isEmpty()) {
            return 0;
        }
        Set<ObjectNode> kept = partsIn(endpoint, root);
        return results.stream().filter(r -> r.stillImage() && kept.contains(r.node()))
                .mapToInt(ImageResult::tokensAfter).sum();
    }
}
