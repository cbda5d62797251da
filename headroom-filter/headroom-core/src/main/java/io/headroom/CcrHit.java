package io.headroom;

/**
 * A successful retrieval.
 *
 * @param hash           the key
 * @param entry          the stored original
 * @param retrievalCount retrievals of this key so far, this one included
 */
public record CcrHit(String hash, CcrEntry entry, long retrievalCount) {
}
