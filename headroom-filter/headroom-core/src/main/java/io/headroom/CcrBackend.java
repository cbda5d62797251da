package io.headroom;

/**
 * A CCR store selectable by name through {@code ccr.backend}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.headroom.CcrBackend}). The core ships the embedded {@code ehcache} backend;
 * {@code io.headroom:headroom-ccr-redis} adds {@code redis}. Looking backends up by name keeps the core free
 * of their clients: an application pays for Redis only when it puts that artifact on its class path.
 */
public interface CcrBackend {
    /** The value of {@code ccr.backend} that selects this backend, e.g. {@code redis}. */
    String name();

    /**
     * Opens the store {@code config} describes.
     *
     * @throws InvalidConfigException naming the option at fault when the store cannot be opened as configured
     *                                (e.g. an unreachable required Redis: the URL, password masked)
     */
    CcrStore open(CcrConfig config);
}
