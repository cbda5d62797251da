package io.headroom.internal.ccr;

import io.headroom.CcrBackend;
import io.headroom.CcrConfig;
import io.headroom.CcrStore;
import io.headroom.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The store a {@link CcrConfig} asks for: the embedded one (heap only, or heap in front of SQLite with a disk
 * path) for {@code ccr.backend=ehcache}; otherwise the {@link CcrBackend} of that name on the class path.
 */
public final class CcrStores {
    private CcrStores() {
    }

    /**
     * @throws InvalidConfigException naming {@code ccr.disk-path} when its database cannot be opened, or
     *                                {@code ccr.backend} when no backend of that name is on the class path
     */
    public static CcrStore create(CcrConfig config) {
        if (CcrConfig.BACKEND_EHCACHE.equals(config.backend())) {
            return config.diskPath().isPresent() ? PersistentCcrStore.create(config) : EhcacheCcrStore.create(config);
        }
        return backend(config.backend()).open(config);
    }

    private static CcrBackend backend(String name) {
        List<String> found = new ArrayList<>();
        // the core's own loader first (plain class paths, Quarkus), then the thread's (web applications)
        for (ClassLoader loader : loaders()) {
            for (CcrBackend b : ServiceLoader.load(CcrBackend.class, loader)) {
                if (b.name().equals(name)) return b;
                found.add(b.name());
            }
        }
        String hint = CcrConfig.BACKEND_REDIS.equals(name) ? ": add io.headroom:headroom-ccr-redis to the application"
                : "";
        throw new InvalidConfigException(CcrConfig.BACKEND, "no CCR backend named '" + name + "' on the class path"
                + (found.isEmpty() ? "" : " (found: " + String.join(", ", found) + ")") + hint);
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>(2);
        loaders.add(CcrStores.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) loaders.add(context);
        return loaders;
    }
}
