package io.headroom.sample.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.internal.tokens.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTableTest {
    @TempDir
    Path home;

    @Test
    void builtInsResolveExactSnapshotsAndPatterns() {
        PricingTable t = PricingTable.defaults();
        assertEquals(2.50, t.lookup("gpt-4o").orElseThrow().input());
        assertEquals(0.15, t.lookup("gpt-4o-mini-2024-07-18").orElseThrow().input(), "dated snapshot -> longest prefix");
        assertEquals(3.00, t.lookup("claude-sonnet-4-5-20250929").orElseThrow().input());
        assertEquals(15.00, t.lookup("some-opus-finetune").orElseThrow().input(), "opus-tier pattern");
        assertEquals(2.00, t.lookup("o3-deep-research").orElseThrow().input());
        assertTrue(t.lookup("llama-3-70b").isEmpty());
        assertEquals(0.0, t.inputCost("llama-3-70b", 1_000_000));
        assertEquals(2.5, t.inputCost("gpt-4o", 1_000_000), 1e-12);
    }

    @Test
    void modelsFileThenEnvironmentOverride() throws Exception {
        Files.createDirectories(home.resolve(".headroom"));
        Files.writeString(home.resolve(".headroom/models.json"), """
                {"anthropic": {"context_limits": {"claude-4-opus-20250301": 200000},
                               "pricing": {"claude-4-opus-20250301": {"input": 15.00, "output": 75.00, "cached_input": 1.50},
                                           "claude-custom": {"input": 4.0}}}}
                """);
        String env = "{\"openai\": {\"pricing\": {\"gpt-4o\": {\"input\": 9.0, \"output\": 20.0}},"
                + " \"context_limits\": {\"gpt-5\": 256000}}, \"anthropic\": {\"pricing\": {\"claude-custom\": {\"input\": 5.0}}}}";

        PricingTable t = PricingTable.fromEnvironment(Map.of(ModelRegistry.ENV_MODEL_LIMITS, env)::get, home);

        PricingTable.Price opus = t.lookup("claude-4-opus-20250301").orElseThrow();
        assertEquals(new PricingTable.Price(15.0, 75.0, 1.5), opus);
        assertEquals(new PricingTable.Price(5.0, 5.0, 0.5), t.lookup("claude-custom").orElseThrow(), "env wins");
        assertEquals(9.0, t.lookup("gpt-4o-2024-08-06").orElseThrow().input(), "override covers snapshots too");
        assertEquals(1.25, t.lookup("gpt-5").orElseThrow().input(), "context limits leave prices alone");
    }

    @Test
    void environmentValueMayBeAFilePath() throws Exception {
        Path f = home.resolve("prices.json");
        Files.writeString(f, "{\"x\": {\"pricing\": {\"my-model\": {\"input\": 1.5}}}}");
        PricingTable t = PricingTable.fromEnvironment(Map.of(ModelRegistry.ENV_MODEL_LIMITS, f.toString())::get, null);
        assertEquals(1.5, t.lookup("my-model").orElseThrow().input());
    }

    @Test
    void invalidPricesAreConfigurationErrors() {
        PricingTable t = PricingTable.defaults();
        HeadroomException neg = assertThrows(HeadroomException.class,
                () -> t.withOverrides("{\"p\": {\"pricing\": {\"m\": {\"input\": -1}}}}"));
        assertEquals(ErrorType.CONFIGURATION_ERROR, neg.type());
        assertTrue(neg.getMessage().contains("p.pricing.m.input"), neg.getMessage());
        assertThrows(HeadroomException.class, () -> t.withOverrides("{\"p\": {\"pricing\": {\"m\": {\"output\": 1}}}}"));
        assertThrows(HeadroomException.class, () -> t.withOverrides("{not json"));
        assertThrows(HeadroomException.class, () -> t.withOverrides("/does/not/exist.json"));
    }
}
