package io.headroom.sample;

import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.Optional;

/**
 * A pass-through call the original proxy meters: its named routes for OpenAI and Anthropic
 * ({@code handle_passthrough(request, base, endpoint_name, provider)}: models, embeddings, moderations, images,
 * audio, count_tokens). The model it is booked under is the id in a {@code /v1/models/{id}} path, else
 * {@code passthrough:<name>} (the original's {@code _passthrough_model_from_path}). Any other forwarded path
 * (batches, files, ...) is not metered, as in the original's catch-all route.
 *
 * @param name  the original's endpoint name
 * @param model what {@code requests.by_model} counts it under
 */
record PassThroughEndpoint(String name, String model) {
    private static final String MODELS = "/v1/models";
    private static final Map<String, String> POSTED = Map.of(
            "/v1/embeddings", "embeddings",
            "/v1/moderations", "moderations",
            "/v1/images/generations", "generations",
            "/v1/images/edits", "images/edits",
            "/v1/audio/transcriptions", "audio/transcriptions",
            "/v1/audio/speech", "audio/speech",
            "/v1/messages/count_tokens", "count_tokens");

    /** The metered endpoint {@code method} and {@code path} call, if any. */
    static Optional<PassThroughEndpoint> of(HttpMethod method, String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (HttpMethod.GET.equals(method)) {
            if (path.equals(MODELS)) {
                return Optional.of(new PassThroughEndpoint("models", "passthrough:models"));
            }
            if (path.startsWith(MODELS + "/") && path.length() > MODELS.length() + 1) {
                String id = path.substring(MODELS.length() + 1).split("/", 2)[0].split(":", 2)[0];
                return Optional.of(new PassThroughEndpoint("models", id.isEmpty() ? "passthrough:models" : id));
            }
            return Optional.empty();
        }
        String name = HttpMethod.POST.equals(method) ? POSTED.get(path) : null;
        return name == null ? Optional.empty() : Optional.of(new PassThroughEndpoint(name, "passthrough:" + name));
    }
}
