package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What {@code POST /v1/compress} does, chosen per request by {@code config.default_mode} (or its alias
 * {@code config.mode}): optimize rewrites and stores originals in CCR, audit measures what optimize would
 * save and returns the messages unchanged, simulate returns the full plan ({@link SimulationPlan}).
 */
public enum CompressMode {
    OPTIMIZE, AUDIT, SIMULATE;

    /**
     * The mode of a {@code /v1/compress} request body; {@link #OPTIMIZE} when it names none.
     *
     * @throws HeadroomException validation_error for an unknown, non-string or contradictory mode
     */
    public static CompressMode of(JsonNode request) {
        JsonNode config = request == null ? null : request.get("config");
        if (config == null || !config.isObject()) {
            return OPTIMIZE;
        }
        CompressMode primary = parse(config, "default_mode");
        CompressMode alias = parse(config, "mode");
        if (primary != null && alias != null && primary != alias) {
            throw invalid("'config.default_mode' (" + primary.wireName() + ") and 'config.mode' ("
                    + alias.wireName() + ") disagree");
        }
        return primary != null ? primary : alias != null ? alias : OPTIMIZE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static CompressMode parse(JsonNode config, String field) {
        JsonNode v = config.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid("'config." + field + "' must be a string (optimize, audit or simulate)");
        }
        String name = v.textValue().strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "optimize" -> OPTIMIZE;
            case "audit" -> AUDIT;
            case "simulate" -> SIMULATE;
            default -> throw invalid("unknown 'config." + field + "' '" + v.textValue().strip()
                    + "' (expected optimize, audit or simulate)");
        };
    }

    private static HeadroomException invalid(String message) {
        return new HeadroomException(ErrorType.VALIDATION_ERROR, message);
    }
}
