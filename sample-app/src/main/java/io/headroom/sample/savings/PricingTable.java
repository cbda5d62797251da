package io.headroom.sample.savings;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.host.ModelOverrides;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * USD prices per million tokens, for cost and savings estimates. Resolution for a model name: an
 * exact or dated-snapshot prefix match among overrides and built-ins (overrides win), then the
 * original project's naming patterns ({@code *opus*}, {@code *sonnet*}, {@code *haiku*},
 * {@code gpt-4o*}, {@code o1*}/{@code o3*}); unknown models have no price (cost 0).
 * Immutable; {@link #withOverrides(String)} returns a new table.
 */
public final class PricingTable {

    /** Prices of one model in USD per million tokens. */
    public record Price(double input, double output, double cachedInput) {
        public Price {
            if (!(input >= 0) || !(output >= 0) || !(cachedInput >= 0)) {
                throw new IllegalArgumentException("prices must be non-negative numbers");
            }
        }

        /** USD for {@code tokens} input tokens. */
        public double inputCost(long tokens) {
            return tokens * input / 1_000_000.0;
        }

        /** USD for {@code tokens} output tokens. */
        public double outputCost(long tokens) {
            return tokens * output / 1_000_000.0;
        }
    }

    private static final Map<String, Price> BUILT_IN = builtIn();

    private final Map<String, Price> known; // lower-case name -> price

    private PricingTable(Map<String, Price> known) {
        this.known = Map.copyOf(known);
    }

    /** Built-in prices only. */
    public static PricingTable defaults() {
        return new PricingTable(BUILT_IN);
    }

    /**
     * Built-ins, then {@code modelsFile} if it exists, then {@code envSpec} (the value of
     * {@value ModelRegistry#ENV_MODEL_LIMITS}: JSON or a file path); later sources override earlier ones.
     *
     * @param modelsFile usually {@code ~/.headroom/models.json}; null to skip
     * @param envSpec    null or blank to skip
     * @throws HeadroomException configuration_error when a source is unreadable or invalid
     */
    public static PricingTable fromSources(Path modelsFile, String envSpec) {
        return ModelOverrides.apply(defaults(), modelsFile, envSpec, PricingTable::withOverrides);
    }

    /** {@link #fromSources} with {@code <userHome>/.headroom/models.json} and the environment variable. */
    public static PricingTable fromEnvironment(Function<String, String> env, Path userHome) {
        return fromSources(ModelOverrides.defaultFile(userHome), env.apply(ModelOverrides.ENV_MODEL_LIMITS));
    }

    /**
     * Adds the {@code pricing} objects of the original project's model file,
     * {@code {"anthropic": {"pricing": {"name": {"input": 15.0, "output": 75.0, "cached_input": 1.5}}}}};
     * context limits and other keys are left to the core's model registry. A missing {@code output}
     * defaults to the input price, a missing {@code cached_input} to a tenth of it.
     *
     * @param jsonOrPath the JSON document itself (starts with '{') or the path of a file holding it
     * @throws HeadroomException configuration_error when the file is unreadable or the JSON invalid
     */
    public PricingTable withOverrides(String jsonOrPath) {
        JsonNode root = ModelOverrides.parse(jsonOrPath, "model pricing");
        Map<String, Price> merged = new HashMap<>(known);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> provider = it.next();
            JsonNode pricing = provider.getValue().path("pricing");
            for (Iterator<Map.Entry<String, JsonNode>> m = pricing.fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> model = m.next();
                String where = provider.getKey() + ".pricing." + model.getKey();
                double input = price(model.getValue().path("input"), where + ".input", Double.NaN);
                double output = price(model.getValue().path("output"), where + ".output", input);
                double cached = price(model.getValue().path("cached_input"), where + ".cached_input", input / 10);
                merged.put(model.getKey().strip().toLowerCase(Locale.ROOT), new Price(input, output, cached));
            }
        }
        return new PricingTable(merged);
    }

    /** The price of {@code model}, or empty when neither a known name nor a pattern matches it. */
    public Optional<Price> lookup(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String key = model.strip().toLowerCase(Locale.ROOT);
        Price exact = known.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String k : known.keySet()) {
            // dated snapshots such as gpt-4o-2024-08-06 or claude-sonnet-4-5-20250929
            if (key.length() > k.length() && key.startsWith(k) && "-:@_".indexOf(key.charAt(k.length())) >= 0
                    && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        if (best != null) {
            return Optional.of(known.get(best));
        }
        return Optional.ofNullable(byPattern(key.substring(key.lastIndexOf('/') + 1)));
    }

    /** USD for {@code tokens} input tokens of {@code model}; 0 when its price is unknown. */
    public double inputCost(String model, long tokens) {
        return lookup(model).map(p -> p.inputCost(tokens)).orElse(0.0);
    }

    private static Price byPattern(String m) {
        if (m.contains("opus")) {
            return BUILT_IN.get("claude-opus-4-1");
        }
        if (m.contains("sonnet")) {
            return BUILT_IN.get("claude-sonnet-4-5");
        }
        if (m.contains("haiku")) {
            return BUILT_IN.get("claude-haiku-4-5");
        }
        if (m.startsWith("gpt-4o") || m.startsWith("chatgpt-4o")) {
            return BUILT_IN.get("gpt-4o");
        }
        if (m.startsWith("o1")) {
            return BUILT_IN.get("o1");
        }
        if (m.startsWith("o3") || m.startsWith("o4")) {
            return BUILT_IN.get("o3");
        }
        return null;
    }

    private static double price(JsonNode v, String where, double fallback) {
        if (v.isMissingNode() || v.isNull()) {
            if (Double.isNaN(fallback)) {
                throw new HeadroomException(ErrorType.CONFIGURATION_ERROR, "model pricing: " + where + " is required");
            }
            return fallback;
        }
        if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR,
                    "model pricing: " + where + " must be a non-negative number (USD per million tokens), got " + v);
        }
        return v.doubleValue();
    }

    /**
     * List prices in USD per million tokens (input, output, cached input / cache read), from the
     * providers' pricing pages (openai.com/api/pricing, docs.anthropic.com pricing) as of 2025-11.
     * Override them with the models file when they change.
     */
    private static Map<String, Price> builtIn() {
        Map<String, Price> m = new HashMap<>();
        m.put("gpt-5", new Price(1.25, 10.00, 0.125));
        m.put("gpt-5-mini", new Price(0.25, 2.00, 0.025));
        m.put("gpt-5-nano", new Price(0.05, 0.40, 0.005));
        m.put("gpt-4.1", new Price(2.00, 8.00, 0.50));
        m.put("gpt-4.1-mini", new Price(0.40, 1.60, 0.10));
        m.put("gpt-4.1-nano", new Price(0.10, 0.40, 0.025));
        m.put("gpt-4o", new Price(2.50, 10.00, 1.25));
        m.put("gpt-4o-mini", new Price(0.15, 0.60, 0.075));
        m.put("chatgpt-4o-latest", new Price(5.00, 15.00, 5.00));
        m.put("gpt-4-turbo", new Price(10.00, 30.00, 10.00));
        m.put("gpt-3.5-turbo", new Price(0.50, 1.50, 0.50));
        m.put("o1", new Price(15.00, 60.00, 7.50));
        m.put("o1-mini", new Price(1.10, 4.40, 0.55));
        m.put("o1-pro", new Price(150.00, 600.00, 150.00));
        m.put("o3", new Price(2.00, 8.00, 0.50));
        m.put("o3-mini", new Price(1.10, 4.40, 0.55));
        m.put("o3-pro", new Price(20.00, 80.00, 20.00));
        m.put("o4-mini", new Price(1.10, 4.40, 0.275));
        m.put("claude-opus-4-5", new Price(5.00, 25.00, 0.50));
        m.put("claude-opus-4-1", new Price(15.00, 75.00, 1.50));
        m.put("claude-opus-4", new Price(15.00, 75.00, 1.50));
        m.put("claude-3-opus", new Price(15.00, 75.00, 1.50));
        m.put("claude-sonnet-4-5", new Price(3.00, 15.00, 0.30));
        m.put("claude-sonnet-4", new Price(3.00, 15.00, 0.30));
        m.put("claude-3-7-sonnet", new Price(3.00, 15.00, 0.30));
        m.put("claude-3-5-sonnet", new Price(3.00, 15.00, 0.30));
        m.put("claude-haiku-4-5", new Price(1.00, 5.00, 0.10));
        m.put("claude-3-5-haiku", new Price(0.80, 4.00, 0.08));
        m.put("claude-3-haiku", new Price(0.25, 1.25, 0.03));
        return Map.copyOf(m);
    }
}
