package io.headroom.host.retrieve;

import io.headroom.RetrieveResult;

/** Where originals come from: {@code Headroom::retrieve} in production. */
@FunctionalInterface
public interface RetrieveSource {

    /**
     * @param query null for the whole original
     * @throws io.headroom.HeadroomException not_found for an unknown or expired hash
     */
    RetrieveResult retrieve(String hash, String query);
}
