package io.headroom.core.retrieval;

import io.headroom.core.RetrieveResult;

/** Where originals come from: {@code Headroom::retrieve} in production. */
@FunctionalInterface
public interface RetrieveSource {

    /**
     * @param query null for the whole original
     * @throws io.headroom.core.HeadroomException not_found for an unknown or expired hash
     */
    RetrieveResult retrieve(String hash, String query);
}
