package io.headroom.internal.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where the learned state lives across restarts: a file beside the CCR disk tier in the embedded setup; a
 * Redis-backed one can implement the same three operations when the fleet shares Redis.
 */
public interface LearningStore {
    /** Memory only: nothing survives a restart. */
    LearningStore NONE = new LearningStore() {
        @Override
        public Optional<JsonNode> load() {
            return Optional.empty();
        }

        @Override
        public void save(JsonNode state) {
        }

        @Override
        public void clear() {
        }

        @Override
        public void setAside(String why) {
        }
    };

    /**
     * The saved state, or empty when there is none. Never throws: unreadable state is set aside (one WARN)
     * and reads as empty, so learning restarts cold and start-up never fails for it.
     */
    Optional<JsonNode> load();

    /** Replaces the saved state; an I/O failure is thrown to the caller, which logs it. */
    void save(JsonNode state) throws java.io.IOException;

    /** Forgets the saved state (reset). */
    void clear() throws java.io.IOException;

    /**
     * Sets the saved state aside (one WARN saying {@code why}) after {@link #load()} returned a document that turned
     * out not to be a valid state, so the next start does not trip over it again. Never throws.
     */
    void setAside(String why);
}
