package io.headroom.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Requests carrying images, drawn with ImageIO from fixed shapes so every run sends the same bytes: a photo-like
 * JPEG for OpenAI, a screenshot-like PNG for Anthropic, and bytes labelled as a PNG that are no image at all. Each stays far below
 * {@link ConformanceContract#MAX_BODY_BYTES}.
 */
public final class ImageRequests {
    /** A general question: the image router sends the image at low detail ({@code full_low}). */
    public static final String PICTURE_QUESTION = "What is in this picture?";
    public static final String SCREENSHOT_QUESTION = "What is in this screenshot?";
    /** gpt-4o at {@code detail: "high"}: 2 x 2 tiles of 512 px, 85 + 4 x 170. */
    public static final int OPENAI_600_SQUARE_TOKENS = 765;
    /** gpt-4o at {@code detail: "low"}: the base cost whatever the size. */
    public static final int OPENAI_LOW_DETAIL_TOKENS = 85;
    /** Anthropic's ceil(1200 x 800 / 750): under its 1568 px / 1.15 MP limits, so not downscaled first. */
    public static final int ANTHROPIC_1200_BY_800_TOKENS = 1280;
    /** An image Headroom cannot read is counted as 1024 x 1024: on Anthropic ceil(1024 x 1024 / 750). */
    public static final int UNREADABLE_IMAGE_TOKENS = 1399;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageRequests() {
    }

    /** An OpenAI chat request: one user turn with {@link #PICTURE_QUESTION} and a 600 x 600 JPEG data URL. */
    public static byte[] openAiPhoto() {
        ObjectNode request = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", PICTURE_QUESTION);
        content.addObject().put("type", "image_url").putObject("image_url").put("url", photoDataUrl());
        return bytes(request);
    }

    /** The data URL of {@link #openAiPhoto()}'s image. */
    public static String photoDataUrl() {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(encode(photo(600, 600), "jpeg"));
    }

    /** An Anthropic Messages request: one user turn with a base64 1200 x 800 PNG and {@link #SCREENSHOT_QUESTION}. */
    public static byte[] anthropicScreenshot() {
        ObjectNode request = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "image").putObject("source").put("type", "base64")
                .put("media_type", "image/png").put("data", screenshotBase64());
        content.addObject().put("type", "text").put("text", SCREENSHOT_QUESTION);
        return bytes(request);
    }

    /** The base64 payload of {@link #anthropicScreenshot()}'s image. */
    public static String screenshotBase64() {
        return Base64.getEncoder().encodeToString(encode(screenshot(1200, 800), "png"));
    }

    /**
     * {@link LlmRequests#anthropicMessages()} whose first user turn also carries an image of
     * {@link #unreadableBase64()} labelled {@code image/png}: the tool output is still worth compressing, the image
     * cannot be read. Anthropic, because there every change to an image needs its pixels (on OpenAI tile models
     * {@code detail: "low"} needs none and is set on unreadable images too).
     */
    public static byte[] anthropicMessagesWithUnreadableImage() {
        try {
            ObjectNode request = (ObjectNode) JSON.readTree(LlmRequests.anthropicMessages());
            ObjectNode user = (ObjectNode) request.path("messages").path(0);
            ArrayNode content = JSON.createArrayNode();
            content.add(unreadableImageBlock());
            content.addObject().put("type", "text").put("text", user.path("content").asText());
            user.set("content", content);
            return bytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Anthropic image block of {@link #anthropicMessagesWithUnreadableImage()}. */
    public static ObjectNode unreadableImageBlock() {
        ObjectNode block = JSON.createObjectNode().put("type", "image");
        block.putObject("source").put("type", "base64").put("media_type", "image/png").put("data", unreadableBase64());
        return block;
    }

    /** 4 KiB of random bytes (fixed seed), base64: no image reader recognises them. */
    private static String unreadableBase64() {
        byte[] noise = new byte[4096];
        new Random(20260319L).nextBytes(noise);
        return Base64.getEncoder().encodeToString(noise);
    }

    /** A smooth diagonal gradient with a disc: compresses well as JPEG, like a photo's sky. */
    private static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 200), width, height, new Color(250, 180, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(250, 240, 200));
        g.fillOval(width / 3, height / 4, width / 4, width / 4);
        g.dispose();
        return image;
    }

    /** Flat panels, rules and word-like blocks (no font needed in a headless JVM): a small PNG, like a UI screenshot. */
    private static BufferedImage screenshot(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 40, 60));
        g.fillRect(0, 0, width, 60);
        g.setColor(new Color(235, 238, 243));
        g.fillRect(0, 60, 240, height - 60);
        g.setColor(new Color(180, 185, 195));
        g.setStroke(new BasicStroke(2));
        for (int y = 120; y < height - 40; y += 80) {
            g.drawLine(280, y, width - 40, y);
        }
        g.setColor(new Color(20, 20, 20));
        for (int y = 90; y < height - 40; y += 80) {
            for (int x = 290, word = 0; x < width - 120; x += 70 + 13 * (word % 4), word++) {
                g.fillRect(x, y, 40 + 9 * (word % 3), 12);
            }
        }
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
