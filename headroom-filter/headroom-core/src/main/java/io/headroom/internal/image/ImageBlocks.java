package io.headroom.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The image parts of one request in request order, and where the newest user turn starts: the message holding the
 * latest user text (a user message carrying only tool results is part of that turn, not a new question).
 *
 * @param images           every image part
 * @param newestTurnStart  index of the message holding the latest user question; images at or after it belong to
 *                         the newest turn (-1: no user question, every image counts as newest)
 */
public record ImageBlocks(List<ImageBlock> images, int newestTurnStart) {
    public ImageBlocks {
        images = List.copyOf(images);
    }

    public boolean inNewestTurn(ImageBlock image) {
        return image.messageIndex() >= newestTurnStart;
    }

    public static ImageBlocks find(Endpoint endpoint, ObjectNode root) {
        JsonNode list = root.get(endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages");
        List<ImageBlock> out = new ArrayList<>();
        if (!(list instanceof ArrayNode messages)) {
            return new ImageBlocks(out, -1);
        }
        ImageBlock.Shape shape = shapeOf(endpoint);
        int newest = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            JsonNode content = m.get("content");
            if ("user".equals(m.path("role").asText()) && hasUserText(content)) {
                newest = i;
            }
            if (content instanceof ArrayNode parts) {
                collect(shape, parts, i, out);
            }
        }
        return new ImageBlocks(out, newest);
    }

    static ImageBlock.Shape shapeOf(Endpoint endpoint) {
        return switch (endpoint) {
            case OPENAI_CHAT -> ImageBlock.Shape.CHAT;
            case OPENAI_RESPONSES -> ImageBlock.Shape.RESPONSES;
            case ANTHROPIC_MESSAGES -> ImageBlock.Shape.ANTHROPIC;
        };
    }

    /** The image parts of one message (or Responses input item), found as {@link #find} finds them. */
    static List<ImageBlock> inMessage(ImageBlock.Shape shape, JsonNode message, int messageIndex) {
        if (message == null || !(message.get("content") instanceof ArrayNode parts)) {
            return List.of(); // string content: the common case in long text conversations, no allocation
        }
        List<ImageBlock> out = new ArrayList<>();
        collect(shape, parts, messageIndex, out);
        return out;
    }

    private static void collect(ImageBlock.Shape shape, ArrayNode parts, int messageIndex, List<ImageBlock> out) {
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof ObjectNode part)) {
                continue;
            }
            String type = part.path("type").asText();
            if (isImage(shape, type)) {
                out.add(new ImageBlock(shape, parts, part, messageIndex, i));
            } else if (shape == ImageBlock.Shape.ANTHROPIC && "tool_result".equals(type)
                    && part.get("content") instanceof ArrayNode inner) {
                collect(shape, inner, messageIndex, out); // computer-use screenshots come back this way
            }
        }
    }

    private static boolean isImage(ImageBlock.Shape shape, String type) {
        return switch (shape) {
            case CHAT -> "image_url".equals(type);
            case RESPONSES -> "input_image".equals(type);
            case ANTHROPIC -> "image".equals(type);
        };
    }

    private static boolean hasUserText(JsonNode content) {
        if (content == null) {
            return false;
        }
        if (content.isTextual()) {
            return !content.textValue().isBlank();
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (("text".equals(type) || "input_text".equals(type)) && !part.path("text").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
