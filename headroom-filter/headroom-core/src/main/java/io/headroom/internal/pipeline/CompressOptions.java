package io.headroom.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import java.util.OptionalInt;

/**
 * The per-request {@code config} options of {@code POST /v1/compress} that the original's proxy passes to its
 * pipeline, validated. Applied: {@code protect_recent} (code in the last N messages is not compressed; 0
 * compresses it everywhere) and {@code protect_analysis_context} (false lets code be compressed although the user
 * asked to analyse it) — both steer code compression, as in the original's content router. Accepted without
 * effect: {@code target_ratio}, the keep ratio of the original's ML text compressor (Kompress), which has no
 * equivalent here, and {@code compress_user_messages: true}, since user messages' text is never changed.
 *
 * @param protectRecent          empty for the default ({@code CodeCompressor.PROTECT_RECENT})
 * @param protectAnalysisContext true (the default) to keep code when the user asks to analyse it
 */
public record CompressOptions(OptionalInt protectRecent, boolean protectAnalysisContext) {
    public static final CompressOptions DEFAULTS = new CompressOptions(OptionalInt.empty(), true);

    /** @throws HeadroomException validation_error for a malformed or unsupported option */
    public static CompressOptions from(JsonNode request) {
        JsonNode config = request == null ? null : request.get("config");
        if (config == null || !config.isObject()) {
            return DEFAULTS;
        }
        JsonNode users = present(config, "compress_user_messages");
        if (users != null) {
            if (!users.isBoolean()) {
                throw invalid("'config.compress_user_messages' must be true or false");
            }
            // true is accepted and has no effect: user messages' text is never changed here. Refusing it would make
            // the TypeScript SDK (whose compress() retries a ValidationError and then falls back) send nothing
            // compressed at all
        }
        JsonNode ratio = present(config, "target_ratio");
        if (ratio != null && (!ratio.isNumber() || ratio.doubleValue() <= 0 || ratio.doubleValue() > 1)) {
            throw invalid("'config.target_ratio' must be a number in (0, 1]");
        }
        OptionalInt recent = OptionalInt.empty();
        JsonNode pr = present(config, "protect_recent");
        if (pr != null) {
            if (!pr.isIntegralNumber() || !pr.canConvertToInt() || pr.intValue() < 0) {
                throw invalid("'config.protect_recent' must be a whole number >= 0");
            }
            recent = OptionalInt.of(pr.intValue());
        }
        boolean analysis = true;
        JsonNode pa = present(config, "protect_analysis_context");
        if (pa != null) {
            if (!pa.isBoolean()) {
                throw invalid("'config.protect_analysis_context' must be true or false");
            }
            analysis = pa.booleanValue();
        }
        return new CompressOptions(recent, analysis);
    }

    /**
     * The {@code messagesFromEnd} a compressor sees for a tool output {@code messagesFromEnd} messages from the end:
     * unchanged by default; with {@code protect_recent} set, 0 (protected) inside the window and "far" outside it,
     * so the code compressor's fixed window yields to the request's.
     */
    public int messagesFromEnd(int messagesFromEnd) {
        if (protectRecent.isEmpty()) {
            return messagesFromEnd;
        }
        return messagesFromEnd < protectRecent.getAsInt() ? 0 : Integer.MAX_VALUE;
    }

    private static JsonNode present(JsonNode config, String field) {
        JsonNode v = config.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static HeadroomException invalid(String message) {
        return new HeadroomException(ErrorType.VALIDATION_ERROR, message);
    }
}
