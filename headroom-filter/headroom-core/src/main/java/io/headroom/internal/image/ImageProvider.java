package io.headroom.internal.image;

import io.headroom.Endpoint;
import java.util.Locale;

/**
 * Whose rules an image is counted and shrunk by. The endpoint decides, except that OpenAI-compatible endpoints
 * also serve other vendors' models (Google's and Anthropic's OpenAI compatibility layers): there the model's name
 * decides, since the model, not the wire shape, is what reads the pixels.
 */
public enum ImageProvider {
    OPENAI, ANTHROPIC, GEMINI;

    public static ImageProvider of(Endpoint endpoint, String model) {
        if (endpoint == Endpoint.ANTHROPIC_MESSAGES) {
            return ANTHROPIC;
        }
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/'); // "google/gemini-2.5-flash", "models/gemini-..."
        m = m.substring(slash + 1);
        if (m.startsWith("gemini") || m.startsWith("gemma")) {
            return GEMINI;
        }
        if (m.startsWith("claude")) {
            return ANTHROPIC;
        }
        return OPENAI;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
