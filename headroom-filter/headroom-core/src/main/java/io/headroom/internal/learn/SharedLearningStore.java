package io.headroom.internal.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CcrStore;
import io.headroom.host.HeadroomLog;
import java.io.IOException;
import java.util.Optional;

/**
 * The learned state in a document the CCR store shares with the fleet ({@link CcrStore#learnedState()}, e.g. one
 * Redis key): the same JSON, and the same bound, as {@link FileLearningStore}. Every replica loads it at start and
 * saves its own state over it; last writer wins. The backing store not answering at load means a cold start with
 * one WARN, never a failed start-up; save and clear failures are thrown to {@link Toin}, which logs them.
 */
public final class SharedLearningStore implements LearningStore {
    private static final HeadroomLog LOG = HeadroomLog.of(SharedLearningStore.class);

    private final CcrStore.SharedDocument document;
    private final long maxBytes;
    private final ObjectMapper mapper = new ObjectMapper();

    public SharedLearningStore(CcrStore.SharedDocument document, long maxBytes) {
        this.document = document;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<JsonNode> load() {
        byte[] bytes;
        try {
            long size = document.size();
            if (size < 0) return Optional.empty();
            if (size > maxBytes) {
                setAside("larger than " + maxBytes + " bytes");
                return Optional.empty();
            }
            Optional<byte[]> read = document.read();
            if (read.isEmpty()) return Optional.empty();
            bytes = read.get();
        } catch (RuntimeException e) {
            LOG.warn("Shared learned state {} could not be read ({}): learning starts cold", document,
                    e.getClass().getName());
            return Optional.empty();
        }
        try {
            JsonNode state = bytes.length > maxBytes ? null : mapper.readTree(bytes);
            if (!FileLearningStore.looksLikeState(state)) {
                setAside("not a learned state");
                return Optional.empty();
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            setAside("unreadable (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    @Override
    public void save(JsonNode state) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(state);
        try {
            document.write(bytes);
        } catch (RuntimeException e) {
            throw new IOException("shared learned state " + document + " not written", e);
        }
    }

    @Override
    public void clear() throws IOException {
        try {
            document.delete();
        } catch (RuntimeException e) {
            throw new IOException("shared learned state " + document + " not removed", e);
        }
    }

    @Override
    public void setAside(String why) {
        try {
            String aside = document.setAside();
            LOG.warn("Shared learned state {} is {}: moved to {}, learning restarts cold", document, why, aside);
        } catch (RuntimeException e) {
            LOG.warn("Shared learned state {} is {} and could not be moved aside ({}): learning restarts cold",
                    document, why, e.getClass().getSimpleName());
        }
    }
}
