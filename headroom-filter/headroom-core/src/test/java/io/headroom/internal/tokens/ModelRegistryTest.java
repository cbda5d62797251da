package io.headroom.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelRegistryTest {
    private final ModelRegistry registry = ModelRegistry.defaults();

    @ParameterizedTest
    @CsvSource({
            "gpt-4o, 128000, BUILTIN",
            "gpt-4o-2024-08-06, 128000, BUILTIN",
            "gpt-4, 8192, BUILTIN",
            "gpt-4-0613, 8192, BUILTIN",
            "gpt-4-turbo-2024-04-09, 128000, BUILTIN",
            "gpt-4.1, 1047576, BUILTIN",
            "gpt-5, 400000, BUILTIN",
            "o1-mini, 128000, BUILTIN",
            "o3, 200000, BUILTIN",
            "claude-sonnet-4-5-20250929, 200000, BUILTIN",
            "claude-3-5-sonnet-latest, 200000, BUILTIN",
            "gemini-1.5-pro-002, 2097152, BUILTIN",
            "my-opus-finetune, 200000, PATTERN",
            "custom-sonnet, 200000, PATTERN",
            "team-haiku-v2, 200000, PATTERN",
            "gpt-4o-audio-experimental, 128000, BUILTIN",
            "o1preview, 200000, PATTERN",
            "o3deep, 200000, PATTERN",
            "gpt-4.1x, 1047576, PATTERN",
            "gpt-5.1, 400000, PATTERN",
            "llama-3.1-70b, 128000, DEFAULT",
    })
    void resolvesLimits(String model, int context, ModelInfo.Source source) {
        ModelInfo info = registry.lookup(model);
        assertEquals(context, info.contextLimit(), model);
        assertEquals(source, info.source(), model);
        assertEquals(model, info.name());
    }

    @Test
    void knowsProvidersAndOutputLimits() {
        assertEquals("anthropic", registry.lookup("claude-opus-4-1-20250805").provider());
        assertEquals(32_000, registry.lookup("claude-opus-4-1-20250805").outputLimit());
        assertEquals("openai", registry.lookup("gpt-4o-mini").provider());
        assertEquals(16_384, registry.lookup("gpt-4o-mini").outputLimit());
        assertEquals("google", registry.lookup("gemini-2.5-flash").provider());
        assertEquals("unknown", registry.lookup(null).provider());
    }

    @Test
    void overridesFromJsonStringInTheSeedFormat() {
        ModelRegistry r = registry.withOverrides("""
                { "anthropic": { "context_limits": { "claude-4-opus-20250301": 200000, "claude-custom-finetune": 128000 },
                                 "pricing": { "claude-4-opus-20250301": { "input": 15.00, "output": 75.00 } } },
                  "openai": { "context_limits": { "gpt-5": 256000, "ft:gpt-4o:my-org": 128000 },
                              "output_limits": { "gpt-5": 64000 } } }""");
        assertEquals(128_000, r.contextLimit("claude-custom-finetune"));
        assertEquals(ModelInfo.Source.OVERRIDE, r.lookup("claude-custom-finetune").source());
        assertEquals("anthropic", r.lookup("claude-custom-finetune").provider());
        assertEquals(256_000, r.contextLimit("gpt-5"), "override beats the built-in");
        assertEquals(64_000, r.lookup("gpt-5").outputLimit());
        assertEquals(256_000, r.contextLimit("gpt-5-2025-08-07"), "dated snapshot of an override");
        assertEquals(128_000, r.contextLimit("ft:gpt-4o:my-org:custom:abc"));
        assertEquals(400_000, registry.contextLimit("gpt-5"), "the original registry is unchanged");
    }

    @Test
    void overridesFromFileAndEnvironment(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".headroom"));
        Files.writeString(home.resolve(".headroom/models.json"),
                "{\"openai\": {\"context_limits\": {\"house-model\": 32000, \"gpt-4o\": 100000}}}");
        Path envFile = Files.writeString(home.resolve("limits.json"),
                "{\"openai\": {\"context_limits\": {\"house-model\": 64000}}}");

        ModelRegistry fromHome = ModelRegistry.fromEnvironment(Map.<String, String>of()::get, home);
        assertEquals(32_000, fromHome.contextLimit("house-model"));
        assertEquals(100_000, fromHome.contextLimit("gpt-4o"));

        ModelRegistry fromEnv = ModelRegistry.fromEnvironment(
                Map.of(ModelRegistry.ENV_MODEL_LIMITS, envFile.toString())::get, home);
        assertEquals(64_000, fromEnv.contextLimit("house-model"), "the env var is applied after the file");
        assertEquals(100_000, fromEnv.contextLimit("gpt-4o"));
    }

    @Test
    void rejectsInvalidOverrides() {
        HeadroomException notJson = assertThrows(HeadroomException.class, () -> registry.withOverrides("{not json"));
        assertEquals(ErrorType.CONFIGURATION_ERROR, notJson.type());
        HeadroomException badLimit = assertThrows(HeadroomException.class,
                () -> registry.withOverrides("{\"openai\": {\"context_limits\": {\"x\": -1}}}"));
        assertEquals(ErrorType.CONFIGURATION_ERROR, badLimit.type());
        HeadroomException missing = assertThrows(HeadroomException.class,
                () -> registry.withOverrides("/nonexistent/models.json"));
        assertEquals(ErrorType.CONFIGURATION_ERROR, missing.type());
    }
}
