package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrStore;

/** The embedded store a {@link CcrConfig} asks for: heap only, or heap in front of SQLite with a disk path. */
public final class CcrStores {
    private CcrStores() {
    }

    /** @throws io.headroom.InvalidConfigException naming {@code ccr.disk-path} when its database cannot be opened */
    public static CcrStore create(CcrConfig config) {
        return config.diskPath().isPresent() ? PersistentCcrStore.create(config) : EhcacheCcrStore.create(config);
    }
}
