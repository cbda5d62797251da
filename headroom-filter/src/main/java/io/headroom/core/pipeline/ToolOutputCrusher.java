package io.headroom.core.pipeline;

import io.headroom.core.crush.CrushResult;

/**
 * Compresses one tool output's text; {@link io.headroom.core.crush.SmartCrusher#crush} in production.
 * An interface so the pipeline can be exercised with a component that fails.
 */
@FunctionalInterface
public interface ToolOutputCrusher {

    /**
     * @param content the tool output
     * @param query   the latest user question, or null
     * @param ccrHash key the original will be stored under (for the retrieval marker), or null when
     *                CCR is disabled
     */
    CrushResult crush(String content, String query, String ccrHash);
}
