package io.headroom.core.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.core.ErrorType;
import io.headroom.core.HeadroomException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The original project's model file ({@code ~/.headroom/models.json}, or
 * {@value ModelRegistry#ENV_MODEL_LIMITS} as JSON or a path), read the same way for
 * {@link ModelRegistry} and {@link PricingTable}, which each take their own keys from it.
 */
final class ModelOverrides {
    private ModelOverrides() {
    }

    /** {@code <userHome>/.headroom/models.json}, or null when there is no home directory. */
    static Path defaultFile(Path userHome) {
        return userHome == null ? null : userHome.resolve(".headroom").resolve("models.json");
    }

    /**
     * Applies {@code modelsFile} if it is a regular file, then {@code envSpec} if not blank, to
     * {@code base}; later sources override earlier ones, as in the original project.
     */
    static <T> T apply(T base, Path modelsFile, String envSpec, BiFunction<T, String, T> withOverrides) {
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
    static JsonNode parse(String jsonOrPath, String what) {
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
