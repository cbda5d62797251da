package io.headroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Not a JMH benchmark: one request with a dense text page of {@code side}² (a reading question, so {@code transcode})
 * and a 2,000-row tool output, through {@code Headroom.process} with the default {@code compression-deadline-ms}
 * (2 s), three times. It shows whether OCR stays inside the deadline (a cut-short OCR sends the image as
 * {@code preserve}, the rest compressed) or turns the whole request into a deadline pass.
 *
 * <pre>java -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.OcrDeadlineProbe 4096</pre>
 */
public final class OcrDeadlineProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OcrDeadlineProbe() {
    }

    public static void main(String[] args) throws IOException {
        int side = Integer.parseInt(args[0]);
        byte[] body = JSON.writeValueAsBytes(request(page(side)));
        HeadroomConfig config = HeadroomConfig.builder().image(i -> i.enabled(true)).build();
        try (Headroom headroom = Headroom.builder(config).build()) {
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                RequestOutcome o = headroom.process(Endpoint.OPENAI_CHAT, body, null);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%d^2 run %d: %d ms, deadline pass: %s, tokens %d -> %d, images %s%n", side, run,
                        millis, o.deadlineExceeded(), o.tokensBefore(), o.tokensAfter(), o.images());
            }
        }
    }

    private static byte[] page(int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            for (int y = 60, line = 0; y < side; y += 48, line++) {
                g.drawString("Line " + line + " invoice total 1375 dollars payment within thirty days", 40, y);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static ObjectNode request(byte[] png) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < 2000; i++) {
            rows.addObject().put("id", i).put("status", "ok").put("msg", "row " + i);
        }
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", "list");
        ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
                .putArray("tool_calls").addObject().put("id", "c1").put("type", "function");
        call.putObject("function").put("name", "q").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "c1").put("content", JSON.writeValueAsString(rows));
        ArrayNode question = messages.addObject().put("role", "user").putArray("content");
        question.addObject().put("type", "text").put("text", "Transcribe the text in this document.");
        question.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        return root;
    }
}
