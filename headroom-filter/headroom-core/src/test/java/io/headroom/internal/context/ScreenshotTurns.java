package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.testimages.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Conversations of screenshot turns in the three wire shapes: each user turn asks a short question about a real
 * 1024 x 1024 PNG (a different one per turn, drawn with Java2D and encoded with ImageIO) and the assistant answers
 * briefly. Anthropic turns also carry a computer-use screenshot inside a {@code tool_result}.
 */
final class ScreenshotTurns {
    static final int SIDE = 1024;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Encoding a 1024-px PNG takes a while: drawn once per turn number for the whole test run. */
    private static final List<byte[]> PNGS = new ArrayList<>();

    private ScreenshotTurns() {
    }

    /** The PNG of turn {@code t}: a gradient with the turn's number written on it. */
    static synchronized byte[] png(int t) {
        while (PNGS.size() <= t) PNGS.add(draw(PNGS.size()));
        return PNGS.get(t);
    }

    static String base64(int t) {
        return Base64.getEncoder().encodeToString(png(t));
    }

    private static byte[] draw(int t) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(20 + 10 * t, 60, 200), SIDE, SIDE, new Color(240, 200, 40)));
            g.fillRect(0, 0, SIDE, SIDE);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("Dashboard screenshot " + t + ": 42 checks passing", 40, 120);
        } finally {
            g.dispose();
        }
        return TestImages.png(image);
    }

    static String question(int t) {
        return "Turn " + t + ": what does this dashboard screenshot say about the build?";
    }

    static String answer(int t) {
        return "Screenshot " + t + " shows 42 checks passing.";
    }

    /**
     * {@code turns} screenshot turns; the last user turn has no answer.
     *
     * @param inlined true for base64 data (a data URL, an Anthropic base64 source), false for https URLs
     */
    static ObjectNode conversation(Endpoint endpoint, int turns, boolean inlined) {
        return switch (endpoint) {
            case OPENAI_CHAT -> chat(turns, inlined);
            case OPENAI_RESPONSES -> responses(turns, inlined);
            case ANTHROPIC_MESSAGES -> anthropic(turns, inlined);
        };
    }

    private static String url(int t, boolean inlined) {
        return inlined ? "data:image/png;base64," + base64(t) : "https://example.com/screens/" + t + ".png";
    }

    private static ObjectNode chat(int turns, boolean inlined) {
        ObjectNode root = F.objectNode().put("model", "gpt-4o");
        ArrayNode m = root.putArray("messages");
        m.addObject().put("role", "system").put("content", "You read dashboards.");
        for (int t = 0; t < turns; t++) {
            ArrayNode parts = m.addObject().put("role", "user").putArray("content");
            parts.addObject().put("type", "text").put("text", question(t));
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", url(t, inlined));
            if (t < turns - 1) m.addObject().put("role", "assistant").put("content", answer(t));
        }
        return root;
    }

    private static ObjectNode responses(int turns, boolean inlined) {
        ObjectNode root = F.objectNode().put("model", "gpt-4o").put("instructions", "You read dashboards.");
        ArrayNode in = root.putArray("input");
        for (int t = 0; t < turns; t++) {
            ArrayNode parts = in.addObject().put("type", "message").put("role", "user").putArray("content");
            parts.addObject().put("type", "input_text").put("text", question(t));
            parts.addObject().put("type", "input_image").put("image_url", url(t, inlined));
            if (t < turns - 1) {
                ObjectNode a = in.addObject().put("type", "message").put("role", "assistant");
                a.putArray("content").addObject().put("type", "output_text").put("text", answer(t));
            }
        }
        return root;
    }

    /**
     * Per turn: the user asks with a screenshot; the assistant takes one more (tool_use), which comes back as an
     * image inside the tool_result; the assistant answers. Both images of a turn are the turn's PNG.
     */
    private static ObjectNode anthropic(int turns, boolean inlined) {
        ObjectNode root = F.objectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024)
                .put("system", "You read dashboards.");
        ArrayNode m = root.putArray("messages");
        for (int t = 0; t < turns; t++) {
            ArrayNode parts = m.addObject().put("role", "user").putArray("content");
            parts.addObject().put("type", "text").put("text", question(t));
            parts.add(anthropicImage(t, inlined));
            if (t == turns - 1) break;
            ArrayNode call = m.addObject().put("role", "assistant").putArray("content");
            call.addObject().put("type", "text").put("text", "Taking a screenshot.");
            call.addObject().put("type", "tool_use").put("id", "toolu_" + t).put("name", "computer")
                    .putObject("input").put("action", "screenshot");
            ObjectNode result = m.addObject().put("role", "user").putArray("content").addObject()
                    .put("type", "tool_result").put("tool_use_id", "toolu_" + t);
            result.putArray("content").add(anthropicImage(t, inlined));
            m.addObject().put("role", "assistant").put("content", answer(t));
        }
        return root;
    }

    private static ObjectNode anthropicImage(int t, boolean inlined) {
        ObjectNode image = F.objectNode().put("type", "image");
        ObjectNode source = image.putObject("source");
        if (inlined) {
            source.put("type", "base64").put("media_type", "image/png").put("data", base64(t));
        } else {
            source.put("type", "url").put("url", url(t, false));
        }
        return image;
    }

    /** Image parts in {@code node} (any depth), as they are. */
    static List<JsonNode> images(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("image_url") || type.equals("input_image") || type.equals("image")) {
                out.add(node);
                return;
            }
        }
        for (JsonNode child : node) collect(child, out);
    }

    /** A deep copy of {@code root} with every image part taken out: what today's text-only sizing sees. */
    static ObjectNode withoutImages(ObjectNode root) {
        ObjectNode copy = root.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (images(array.get(i)).size() == 1 && array.get(i).equals(images(array.get(i)).get(0))) {
                    array.remove(i);
                } else {
                    strip(array.get(i));
                }
            }
        } else if (node.isObject()) {
            for (JsonNode child : node) strip(child);
        }
    }
}
