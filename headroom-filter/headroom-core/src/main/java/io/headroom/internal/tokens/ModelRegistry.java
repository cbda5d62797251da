package io.headroom.internal.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.host.ModelOverrides;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Context (and output) limits of LLMs. Resolution order for a model name: an exact or prefix match
 * among overrides and built-in models (overrides win), then the original project's naming patterns
 * ({@code *opus*} 200K, {@code gpt-4o*} 128K, {@code o1*}/{@code o3*} 200K, ...), then a 128K default.
 * Immutable; {@link #withOverrides(String)} returns a new registry.
 */
public final class ModelRegistry {
    /** Env var of the original project: a JSON document or the path of a JSON file. */
    public static final String ENV_MODEL_LIMITS = ModelOverrides.ENV_MODEL_LIMITS;
    static final int DEFAULT_CONTEXT = 128_000;

    private record Limits(String provider, int context, int output) { }

    private static final Map<String, Limits> BUILT_IN = builtIn();

    private final Map<String, Limits> known;     // lower-case name -> limits
    private final Map<String, Limits> overrides; // subset of known that came from overrides

    private ModelRegistry(Map<String, Limits> known, Map<String, Limits> overrides) {
        this.known = Map.copyOf(known);
        this.overrides = Map.copyOf(overrides);
    }

    /** Built-in models only. */
    public static ModelRegistry defaults() {
        return new ModelRegistry(BUILT_IN, Map.of());
    }

    /**
     * Built-ins, then {@code <userHome>/.headroom/models.json} if present, then
     * {@value #ENV_MODEL_LIMITS}; later sources override earlier ones, as in the original project.
     *
     * @throws HeadroomException configuration_error when a source is unreadable or invalid
     */
    public static ModelRegistry fromEnvironment(Function<String, String> env, Path userHome) {
        return ModelOverrides.apply(defaults(), ModelOverrides.defaultFile(userHome), env.apply(ENV_MODEL_LIMITS),
                ModelRegistry::withOverrides);
    }

    /**
     * Adds overrides in the original project's format,
     * {@code {"anthropic": {"context_limits": {"name": 200000}}, "openai": {...}}}; an optional
     * {@code output_limits} object per provider is read as well, other keys (pricing) are ignored.
     *
     * @param jsonOrPath the JSON document itself (starts with '{') or the path of a file holding it
     * @throws HeadroomException configuration_error when the file is unreadable or the JSON invalid
     */
    public ModelRegistry withOverrides(String jsonOrPath) {
        JsonNode root = ModelOverrides.parse(jsonOrPath, "model limits");
        Map<String, Limits> added = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> provider = it.next();
            JsonNode contexts = provider.getValue().path("context_limits");
            JsonNode outputs = provider.getValue().path("output_limits");
            String providerName = provider.getKey().toLowerCase(Locale.ROOT);
            for (Iterator<Map.Entry<String, JsonNode>> m = contexts.fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> model = m.next();
                String name = model.getKey().toLowerCase(Locale.ROOT);
                int context = positiveInt(model.getValue(), providerName + ".context_limits." + model.getKey());
                JsonNode out = outputs.path(model.getKey());
                int output = out.isMissingNode() ? lookupLimits(name).map(Limits::output).orElse(0)
                        : positiveInt(out, providerName + ".output_limits." + model.getKey());
                added.put(name, new Limits(providerName, context, output));
            }
        }
        Map<String, Limits> newKnown = new HashMap<>(known);
        newKnown.putAll(added);
        Map<String, Limits> newOverrides = new HashMap<>(overrides);
        newOverrides.putAll(added);
        return new ModelRegistry(newKnown, newOverrides);
    }

    /** Limits for {@code model}; never null, falls back to patterns and then a 128K default. */
    public ModelInfo lookup(String model) {
        String name = model == null ? "" : model.strip();
        String key = name.toLowerCase(Locale.ROOT);
        Optional<Map.Entry<String, Limits>> match = bestMatch(key);
        if (match.isPresent()) {
            Limits l = match.get().getValue();
            ModelInfo.Source src = overrides.get(match.get().getKey()) == l
                    ? ModelInfo.Source.OVERRIDE : ModelInfo.Source.BUILTIN;
            return new ModelInfo(name, l.provider(), l.context(), l.output(), src);
        }
        Limits pattern = byPattern(key);
        if (pattern != null) {
            return new ModelInfo(name, pattern.provider(), pattern.context(), pattern.output(), ModelInfo.Source.PATTERN);
        }
        return new ModelInfo(name, "unknown", DEFAULT_CONTEXT, 0, ModelInfo.Source.DEFAULT);
    }

    public int contextLimit(String model) {
        return lookup(model).contextLimit();
    }

    private Optional<Limits> lookupLimits(String key) {
        return bestMatch(key).map(Map.Entry::getValue).or(() -> Optional.ofNullable(byPattern(key)));
    }

    /** Exact name, else the longest known name that is a prefix ending at a separator (dated snapshots). */
    private Optional<Map.Entry<String, Limits>> bestMatch(String key) {
        Limits exact = known.get(key);
        if (exact != null) {
            return Optional.of(Map.entry(key, exact));
        }
        Map.Entry<String, Limits> best = null;
        for (Map.Entry<String, Limits> e : known.entrySet()) {
            String k = e.getKey();
            if (key.length() > k.length() && key.startsWith(k) && "-:@_".indexOf(key.charAt(k.length())) >= 0
                    && (best == null || k.length() > best.getKey().length())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The original project's pattern inference for names it does not know. */
    private static Limits byPattern(String key) {
        String m = key.substring(key.lastIndexOf('/') + 1);
        if (m.contains("opus") || m.contains("sonnet") || m.contains("haiku") || m.startsWith("claude")) {
            return new Limits("anthropic", 200_000, 0);
        }
        if (m.startsWith("gpt-4o") || m.startsWith("chatgpt-4o")) {
            return new Limits("openai", 128_000, 16_384);
        }
        if (m.startsWith("gpt-4.1")) {
            return new Limits("openai", 1_047_576, 32_768);
        }
        if (m.startsWith("gpt-5")) {
            return new Limits("openai", 400_000, 128_000);
        }
        if (m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4")) {
            return new Limits("openai", 200_000, 100_000);
        }
        if (m.startsWith("gemini")) {
            return new Limits("google", 1_048_576, 8_192);
        }
        return null;
    }

    private static int positiveInt(JsonNode v, String where) {
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() <= 0) {
            throw new HeadroomException(ErrorType.CONFIGURATION_ERROR,
                    "model limits: " + where + " must be a positive whole number, got " + v);
        }
        return v.intValue();
    }

    /** Published limits (context, max output) as of 2025; dated snapshots resolve by prefix. */
    private static Map<String, Limits> builtIn() {
        Map<String, Limits> m = new HashMap<>();
        String a = "anthropic";
        models(m, new Limits(a, 200_000, 64_000),
                "claude-opus-4-5", "claude-sonnet-4-5", "claude-sonnet-4", "claude-haiku-4-5", "claude-3-7-sonnet");
        models(m, new Limits(a, 200_000, 32_000), "claude-opus-4-1", "claude-opus-4");
        models(m, new Limits(a, 200_000, 8_192), "claude-3-5-sonnet", "claude-3-5-haiku");
        models(m, new Limits(a, 200_000, 4_096), "claude-3-opus", "claude-3-sonnet", "claude-3-haiku");
        String o = "openai";
        models(m, new Limits(o, 400_000, 128_000), "gpt-5", "gpt-5-mini", "gpt-5-nano");
        models(m, new Limits(o, 1_047_576, 32_768), "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano");
        models(m, new Limits(o, 128_000, 16_384), "gpt-4o", "gpt-4o-mini", "chatgpt-4o-latest", "gpt-4.5-preview");
        models(m, new Limits(o, 128_000, 4_096), "gpt-4-turbo");
        models(m, new Limits(o, 8_192, 8_192), "gpt-4");
        models(m, new Limits(o, 32_768, 32_768), "gpt-4-32k");
        models(m, new Limits(o, 16_385, 4_096), "gpt-3.5-turbo");
        models(m, new Limits(o, 200_000, 100_000), "o1", "o1-pro", "o3", "o3-mini", "o3-pro", "o4-mini");
        models(m, new Limits(o, 128_000, 65_536), "o1-mini");
        String g = "google";
        models(m, new Limits(g, 1_048_576, 65_536), "gemini-2.5-pro", "gemini-2.5-flash");
        models(m, new Limits(g, 1_048_576, 8_192), "gemini-2.0-flash", "gemini-1.5-flash");
        models(m, new Limits(g, 2_097_152, 8_192), "gemini-1.5-pro");
        return Map.copyOf(m);
    }

    /** Puts one set of limits under each of {@code names}. */
    private static void models(Map<String, Limits> m, Limits limits, String... names) {
        for (String name : names) {
            m.put(name, limits);
        }
    }
}
