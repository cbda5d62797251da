package io.headroom;

import java.util.Optional;

/**
 * Where the originals of compressed content are kept (CCR: compress, cache, retrieve). The pipeline
 * emits a retrieval marker for an original only after {@link #put} confirmed the store holds it, so an
 * implementation that cannot store something must answer false rather than pretend.
 *
 * <p>Entries live in a scope (a tenant): a lookup finds only what was stored in the same scope. The
 * hash, the one the model sees in markers, is the same in every scope; {@link #SHARED_SCOPE} is the
 * scope of callers that are not isolated.
 *
 * <p>Implementations are thread-safe. The embedded default is an Ehcache heap tier with an optional
 * disk tier ({@code ccr.disk-path}); plug another one in with
 * {@code Headroom.builder(config).ccrStore(store)}.
 */
public interface CcrStore extends AutoCloseable {
    /** The scope of callers that are not isolated: every unscoped put and lookup uses it. */
    String SHARED_SCOPE = "";

    /**
     * Stores {@code entry} under (scope, hash). Storing a held key again (the same original sent in a
     * later turn) restarts its time-to-live and keeps its retrieval count.
     *
     * @return true when the original is held afterwards; false when the store refused it, in which
     *         case the caller must not hand out the hash
     */
    boolean put(String scope, String hash, CcrEntry entry);

    /** True when (scope, hash) is held, without counting a retrieval. */
    boolean contains(String scope, String hash);

    /** Looks an original up in {@code scope} only, counting a retrieval (or a miss). */
    Optional<CcrHit> retrieve(String scope, String hash);

    /**
     * Reads an original of {@code scope} for Headroom itself (the Context Tracker's proactive expansion), not
     * for the model: implementations that can should not count it as a retrieval or a miss. The default
     * delegates to {@link #retrieve(String, String)}, which counts it.
     */
    default Optional<CcrEntry> peek(String scope, String hash) {
        return retrieve(scope, hash).map(CcrHit::entry);
    }

    /** Counters since this store started, and the entries it holds now. */
    CcrStats stats();

    /** As {@link #put(String, String, CcrEntry)} in the shared scope. */
    default boolean put(String hash, CcrEntry entry) {
        return put(SHARED_SCOPE, hash, entry);
    }

    /** As {@link #contains(String, String)} in the shared scope. */
    default boolean contains(String hash) {
        return contains(SHARED_SCOPE, hash);
    }

    /** As {@link #retrieve(String, String)} in the shared scope. */
    default Optional<CcrHit> retrieve(String hash) {
        return retrieve(SHARED_SCOPE, hash);
    }

    /**
     * Where a store shared by a fleet (Redis) keeps the engine's learned state, so that every replica loads and
     * saves the same document; empty (the default) keeps it in the learning file, or in memory. An explicit
     * {@code learning.toin.path} still wins.
     *
     * <p>Why here and in this shape: the store already holds the connection, and its lifetime is the engine's;
     * a plugged store ({@code Headroom.builder(config).ccrStore(store)}) can share learning too. The document is
     * opaque bytes, so the public API names neither the core's learning types nor a JSON library.
     */
    default Optional<SharedDocument> learnedState() {
        return Optional.empty();
    }

    /**
     * One document a fleet shares, e.g. a Redis key without time-to-live. Last writer wins. Methods may throw
     * unchecked exceptions when the backing store does not answer; the engine logs them and carries on.
     */
    interface SharedDocument {
        /** Size in bytes, or -1 when there is no document. */
        long size();

        /** The document, or empty when there is none. */
        Optional<byte[]> read();

        /** Replaces the document. */
        void write(byte[] document);

        /** Removes the document (a learning reset). */
        void delete();

        /**
         * Moves the document aside after it turned out not to be usable, so the next start does not trip over it
         * again, and answers where it went (for the log line).
         */
        String setAside();
    }

    /** Releases what the store holds open (files, connections). Idempotent; no checked exception. */
    @Override
    default void close() {
    }
}
