package io.headroom.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The original project's model file ({@code ~/.headroom/models.json}, or {@value #ENV_MODEL_LIMITS} as
 * JSON or a path), read the same way for the core's context limits and a gateway's pricing, which each
 * take their own keys from it.
 */
public final class ModelOverrides {
    /** Environment variable with model overrides: JSON, or the path of a JSON file. */
    public static final String ENV_MODEL_LIMITS = "HEADROOM_MODEL_LIMITS";

    private ModelOverrides() {
    }

    /** {@code <userHome>/.headroom/models.json}, or null when there is no home directory. */
    public static Path defaultFile(Path userHome) {
        return userHome == null ? null : userHome.resolve(".headroom").resolve("models.json");
    }

    /**
     * Applies {@code modelsFile} if it is a regular file, then {@code envSpec} if not blank, to
     * {@code base}; later sources override earlier ones, as in the original project.
     */
    public static <T> T apply(T base, Path modelsFile, String envSpec, BiFunction<T, String, T> withOverrides) {
        T result = base;
        if (modelsFile != null && Files.isRegularFile(modelsFile)) {
            result = withOverrides.apply(result, modelsFile.toString());
        }
        if (envSpec != null && !envSpec.isBlank()) {
            result = withOverrides.apply(result, envSpec);
        }
        return result;
    }

    /**
     * The JSON object keyed by provider.
     *
     * @param jsonOrPath the JSON document itself (starts with '{') or the path of a file holding it
     * @param what       names the reader in error messages, e.g. "model limits"
     * @throws HeadroomException configuration_error when the file is unreadable or the JSON invalid
     */
    public static JsonNode parse(String jsonOrPath, String what) {
        String json = jsonOrPath.strip();
        if (!json.startsWith("{")) {
            try {
                json = Files.readString(Path.of(json));
            } catch (IOException | RuntimeException e) {
                throw new HeadroomException(ErrorType.CONFIGURATION_ERROR,
                        what + ": cannot read file '" + jsonOrPath.strip() + "': " + e.getMessage(), e);
            }
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR,
                    what + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR,
                    what + ": expected a JSON object keyed by provider");
        }
        return root;
    }
}
