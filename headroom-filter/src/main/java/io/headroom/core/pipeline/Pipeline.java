package io.headroom.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.core.Endpoint;
import io.headroom.core.HeadroomConfig;
import io.headroom.core.ccr.CcrEntry;
import io.headroom.core.ccr.CcrStore;
import io.headroom.core.ccr.ContentHash;
import io.headroom.core.crush.CrushResult;
import io.headroom.core.tokens.TokenCounter;
import io.headroom.core.wire.ParsedRequest;
import io.headroom.core.wire.ToolOutput;
import io.headroom.core.wire.WireFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compresses the tool outputs of one parsed request in place: every tool output of at least
 * {@code min-tokens-to-crush} tokens goes through the crusher; a result that is smaller replaces
 * it, and the original is stored in CCR under the hash the crusher put in its marker. Nothing else
 * in the request is ever modified. Thread-safe: holds no per-request state.
 */
public final class Pipeline {
    public static final String SMART_CRUSHER = "smart_crusher";

    private final HeadroomConfig config;
    private final TokenCounter tokens;
    private final CcrStore ccr;
    private final ToolOutputCrusher crusher;
    private final Clock clock;
    private final Map<Endpoint, WireFormat> formats = new EnumMap<>(Endpoint.class);

    public Pipeline(HeadroomConfig config, TokenCounter tokens, CcrStore ccr, ToolOutputCrusher crusher, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.ccr = ccr;
        this.crusher = crusher;
        this.clock = clock;
        for (Endpoint e : Endpoint.values()) {
            formats.put(e, WireFormat.of(e));
        }
    }

    /**
     * Runs over {@code root}, replacing tool output texts in place.
     *
     * @param storeOriginals true to keep the originals in CCR (optimize); false to only measure
     *                       (audit), which leaves the tree changed but stores nothing
     */
    public PipelineResult run(Endpoint endpoint, ObjectNode root, boolean storeOriginals) {
        ParsedRequest request = formats.get(endpoint).read(root);
        TokenCounter.Tokenizer tokenizer = tokens.forModel(request.model());
        boolean store = storeOriginals && config.ccrEnabled();

        int before = 0;
        for (String text : request.otherTexts()) {
            before += tokenizer.count(text);
        }
        int saved = 0;
        Set<String> hashes = new LinkedHashSet<>();
        for (ToolOutput output : request.toolOutputs()) {
            String original = output.text();
            int originalTokens = tokenizer.count(original);
            before += originalTokens;
            if (originalTokens < config.minTokensToCrush()) {
                continue; // below the threshold the original project passes content through
            }
            String hash = ContentHash.of(original);
            CrushResult result = crusher.crush(original, request.query(), config.ccrEnabled() ? hash : null);
            if (result == null || !result.changed() || result.content().equals(original)) {
                continue;
            }
            int compressedTokens = tokenizer.count(result.content());
            if (compressedTokens >= originalTokens) {
                continue; // the marker and structure cost more than they saved
            }
            if (store) {
                // stored before the marker goes out: a hash the model sees must be retrievable
                ccr.put(hash, new CcrEntry(original, originalTokens, result.originalItemCount(),
                        result.keptItemCount(), output.toolName(), clock.instant()));
                hashes.add(hash);
            }
            output.slot().replace(result.content());
            saved += originalTokens - compressedTokens;
        }
        boolean changed = saved > 0;
        List<String> transforms = changed ? List.of(SMART_CRUSHER) : List.of();
        return new PipelineResult(changed, before, before - saved, transforms, new ArrayList<>(hashes));
    }
}
