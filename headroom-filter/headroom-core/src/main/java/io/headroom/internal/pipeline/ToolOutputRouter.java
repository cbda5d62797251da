package io.headroom.internal.pipeline;

import io.headroom.CompressionContext;
import io.headroom.internal.route.Routed;

/**
 * Compresses one tool output's text according to its content type;
 * {@link io.headroom.internal.route.ContentRouter#route} in production. An interface so the pipeline can be
 * exercised with a component that fails.
 */
@FunctionalInterface
public interface ToolOutputRouter {

    /**
     * @param content the tool output
     * @param context the query, CCR hash (null when CCR is disabled), tool name, position and intent
     */
    Routed route(String content, CompressionContext context);
}
