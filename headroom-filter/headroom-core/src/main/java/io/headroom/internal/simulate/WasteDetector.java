package io.headroom.internal.simulate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.headroom.BlockKind;
import io.headroom.BlockReport;
import io.headroom.ContentType;
import io.headroom.WasteSignals.Kind;
import io.headroom.internal.cache.DynamicValues;
import io.headroom.internal.html.HtmlCompressor;
import io.headroom.internal.tokens.TokenCounter;

/**
 * Finds the waste in one block of a request and adds it to the request's {@link WasteSignals}. Each
 * signal is measured on the original text, independently of whether the pipeline would act on the block
 * (except JSON bloat, which is by definition what compression would remove). Thread-safe.
 */
final class WasteDetector {
    private final DynamicValues dynamicValues;
    private final ObjectMapper json = JsonMapper.builder().build();

    WasteDetector(DynamicValues dynamicValues) {
        this.dynamicValues = dynamicValues;
    }

    void detect(BlockReport block, String text, TokenCounter.Tokenizer tokenizer, WasteSignalsBuilder into) {
        if (text == null || text.isEmpty()) return;
        int i = block.index();
        boolean jsonText = block.contentType() == ContentType.JSON || block.kind() == BlockKind.TOOL_CALL;
        JsonNode tree = jsonText ? parse(text) : null;

        if (block.contentType() == ContentType.JSON && Simulator.isCompression(block.transform())) {
            into.add(Kind.JSON_BLOAT, i, block.tokensSaved());
        }
        if (block.contentType() == ContentType.HTML) {
            into.add(Kind.HTML_NOISE, i, block.tokensBefore() - tokenizer.count(extract(text)));
        }
        String compact = tree != null ? ExcessWhitespace.compactJson(text) : ExcessWhitespace.squeeze(text);
        if (!compact.equals(text)) {
            into.add(Kind.WHITESPACE, i, block.tokensBefore() - tokenizer.count(compact));
        }
        if (block.kind() == BlockKind.SYSTEM) {
            int dynamic = 0;
            for (String value : dynamicValues.find(text)) {
                dynamic += tokenizer.count(value);
            }
            into.add(Kind.DYNAMIC_DATES, i, dynamic);
        }
        into.add(Kind.REPETITION, i, tree != null ? Repetition.inJson(tree, tokenizer) : Repetition.inLines(text, tokenizer));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException | RuntimeException e) {
            return null; // tool-call arguments need not be valid JSON; then they are measured as text
        }
    }

    private static String extract(String html) {
        try {
            return HtmlCompressor.extract(html);
        } catch (RuntimeException | StackOverflowError e) {
            return html; // unparseable page: no noise measured rather than a failed simulation
        }
    }
}
