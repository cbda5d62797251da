package io.headroom.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Locale;

/**
 * One image part of a request, where it sits, and the edits the compressor may make to it. Three wire shapes:
 * <ul>
 *   <li>{@link Shape#CHAT}: OpenAI Chat {@code {"type":"image_url","image_url":{"url":..., "detail":...}}}
 *       ({@code image_url} may also be the URL string itself);</li>
 *   <li>{@link Shape#RESPONSES}: OpenAI Responses {@code {"type":"input_image","image_url":"...","detail":...}};</li>
 *   <li>{@link Shape#ANTHROPIC}: {@code {"type":"image","source":{"type":"base64","media_type":...,"data":...}}}
 *       (or a {@code url} source), also inside {@code tool_result} content.</li>
 * </ul>
 * Only inlined images carry bytes ({@code data:} URLs and base64 sources); the others are never fetched.
 */
public final class ImageBlock {
    public enum Shape { CHAT, RESPONSES, ANTHROPIC }

    private final Shape shape;
    private final ArrayNode container;
    private final ObjectNode block;
    private final int messageIndex;
    private final int partIndex;

    ImageBlock(Shape shape, ArrayNode container, ObjectNode block, int messageIndex, int partIndex) {
        this.shape = shape;
        this.container = container;
        this.block = block;
        this.messageIndex = messageIndex;
        this.partIndex = partIndex;
    }

    public Shape shape() { return shape; }
    /** The block node itself: its identity names the image across a run. */
    public ObjectNode node() { return block; }
    /** Index of the message (or Responses input item) that holds it. */
    public int messageIndex() { return messageIndex; }
    /** Index of the part in its content array (the tool result's content when inside one). */
    public int partIndex() { return partIndex; }

    /** OpenAI's {@code detail}, or null. */
    public String detail() {
        JsonNode d = shape == Shape.CHAT ? block.path("image_url").get("detail") : block.get("detail");
        return d != null && d.isTextual() ? d.textValue().toLowerCase(Locale.ROOT) : null;
    }

    /** The inlined payload, or null when the image is a URL or a file id. */
    public Inline inline() {
        if (shape == Shape.ANTHROPIC) {
            JsonNode source = block.path("source");
            if (!"base64".equals(source.path("type").asText()) || !source.path("data").isTextual()) {
                return null;
            }
            return new Inline(source.path("media_type").asText(null), source.get("data").textValue());
        }
        String url = url();
        if (url == null || !url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String meta = url.substring(5, comma);
        if (!meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
            return null; // a percent-encoded data URL: images are not sent that way; left alone
        }
        return new Inline(meta.substring(0, meta.length() - ";base64".length()), url.substring(comma + 1));
    }

    private String url() {
        JsonNode u = shape == Shape.CHAT
                ? (block.path("image_url").isObject() ? block.path("image_url").get("url") : block.get("image_url"))
                : block.get("image_url");
        return u != null && u.isTextual() ? u.textValue() : null;
    }

    /** Sets OpenAI's {@code detail} to {@code low}, adding the field after the URL when absent. */
    void lowDetail() {
        if (shape == Shape.CHAT) {
            JsonNode imageUrl = block.get("image_url");
            if (imageUrl instanceof ObjectNode o) {
                o.put("detail", "low");
            } else {
                ObjectNode o = block.objectNode();
                o.set("url", imageUrl);
                o.put("detail", "low");
                block.set("image_url", o);
            }
        } else if (shape == Shape.RESPONSES) {
            block.put("detail", "low");
        }
    }

    /** Replaces the inlined payload by {@code bytes} in {@code format}. */
    void replacePayload(byte[] bytes, ImageFormat format) {
        String data = Base64.getEncoder().encodeToString(bytes);
        if (shape == Shape.ANTHROPIC) {
            ObjectNode source = (ObjectNode) block.get("source");
            source.put("media_type", format.mimeType());
            source.put("data", data);
            return;
        }
        String url = "data:" + format.mimeType() + ";base64," + data;
        if (shape == Shape.CHAT && block.get("image_url") instanceof ObjectNode o) {
            o.put("url", url);
        } else {
            block.put("image_url", url);
        }
    }

    /** Replaces the whole image part by a text part of this shape holding {@code text}. */
    ObjectNode replaceWithText(String text) {
        ObjectNode part = container.objectNode();
        part.put("type", shape == Shape.RESPONSES ? "input_text" : "text");
        part.put("text", text);
        container.set(partIndex, part);
        return part;
    }

    /**
     * An inlined image as sent.
     *
     * @param mediaType the declared MIME type (may be wrong: the header decides)
     * @param base64    the payload exactly as sent: what CCR keeps, so the original is retrievable byte for byte
     */
    public record Inline(String mediaType, String base64) {
        private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");

        /**
         * The decoded bytes, or null when the payload is not valid base64. Strict, except that line breaks and
         * spaces (some clients wrap base64 at 76 columns) are skipped: any other stray character makes it invalid.
         */
        public byte[] bytes() {
            try {
                return Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
