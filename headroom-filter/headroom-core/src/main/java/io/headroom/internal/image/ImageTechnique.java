package io.headroom.internal.image;

/**
 * How one image is sent on, chosen per image from the user's question (the original's names and meanings,
 * seed image-compression.md): the image compressor applies it, the query router picks it.
 */
public enum ImageTechnique {
    /** Whole image at low resolution: OpenAI {@code detail: "low"}, Anthropic/Gemini resized down. */
    FULL_LOW,
    /** Fine details matter: the image goes on as it is. */
    PRESERVE,
    /** The question names a region: only that region goes on. */
    CROP,
    /** The question is about reading text: the recognised text goes on instead of the pixels. */
    TRANSCODE
}
