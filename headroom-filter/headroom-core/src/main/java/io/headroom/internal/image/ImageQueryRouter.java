package io.headroom.internal.image;

/** Picks the technique for a question's images. Implementations are thread-safe and never throw. */
@FunctionalInterface
public interface ImageQueryRouter {
    /** @param question the user's question the images come with; null or blank: {@link ImageRoute#preserve()} */
    ImageRoute route(String question);
}
