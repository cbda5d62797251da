package io.headroom.internal.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import io.headroom.host.HeadroomLog;

/**
 * The learned state in one JSON file. Written to a temporary file in the same directory and renamed over the
 * old one, so a crash leaves either the old or the new state, never half of one. A file that is not a learned
 * state, or larger than the bound, is renamed aside ({@code <name>.corrupt-<millis>}) with one WARN line.
 */
public final class FileLearningStore implements LearningStore {
    private static final HeadroomLog LOG = HeadroomLog.of(FileLearningStore.class);

    private final Path file;
    private final long maxBytes;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param maxBytes a larger file is set aside unread (a bounded state never grows that large) */
    public FileLearningStore(Path file, long maxBytes) {
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<JsonNode> load() {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                setAside("larger than " + maxBytes + " bytes");
                return Optional.empty();
            }
            JsonNode state = mapper.readTree(Files.readAllBytes(file));
            if (!looksLikeState(state)) {
                setAside("not a learned state");
                return Optional.empty();
            }
            return Optional.of(state);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            setAside("unreadable (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** The shape every store checks before handing a document to {@link Toin}: {@code {"version": 1, "patterns": {}}}. */
    static boolean looksLikeState(JsonNode state) {
        return state != null && state.isObject() && state.path("patterns").isObject()
                && state.path("version").asInt(-1) == Toin.FORMAT_VERSION;
    }

    @Override
    public void setAside(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("Learned state {} is {}: moved to {}, learning restarts cold", file, why, aside.getFileName());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Learned state {} is {} and could not be moved aside ({}): learning restarts cold", file, why,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void save(JsonNode state) throws IOException {
        Path dir = file.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, mapper.writeValueAsBytes(state));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
