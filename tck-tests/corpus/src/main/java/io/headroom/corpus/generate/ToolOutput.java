package io.headroom.corpus.generate;

import java.util.List;

/** A generated tool output and the needles in it that a compressor must keep. */
record ToolOutput(String text, List<String> needles) {
    static ToolOutput plain(String text) {
        return new ToolOutput(text, List.of());
    }
}
