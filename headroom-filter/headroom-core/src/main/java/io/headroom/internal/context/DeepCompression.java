package io.headroom.internal.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.Endpoint;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.StoreThenMark;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The step IntelligentContext tries before dropping when a request is only slightly over budget:
 * compresses the largest tool outputs of droppable units again with tighter settings, largest first,
 * until the overflow is gone. Outputs in the protected tail are left as the pipeline made them. Each
 * replaced text is stored in CCR first (under the hash its marker names), like the pipeline does.
 */
final class DeepCompression {
    /** Outputs smaller than this are not worth a second pass. */
    private static final int MIN_TOKENS = 50;

    private final ContentCompressor compressor;
    private final StoreThenMark ccr;
    private final boolean ccrEnabled;
    private final Clock clock;

    DeepCompression(ContentCompressor compressor, StoreThenMark ccr, boolean ccrEnabled, Clock clock) {
        this.compressor = compressor;
        this.ccr = ccr;
        this.ccrEnabled = ccrEnabled;
        this.clock = clock;
    }

    /**
     * @param overflow tokens to save
     * @param hashes   receives the CCR keys stored
     * @return outputs replaced
     */
    int run(Endpoint endpoint, ObjectNode root, Conversation c, int overflow, TokenCounter.Tokenizer tokenizer,
            boolean store, String scope, List<String> hashes, Deadline deadline) {
        boolean[] droppable = new boolean[c.size()];
        for (Conversation.Unit u : c.droppable()) {
            for (int i = u.first(); i <= u.last(); i++) droppable[i] = true;
        }
        ParsedRequest request = WireFormat.of(endpoint).read(root);
        record Candidate(ToolOutput output, String text, int tokens) { }
        List<Candidate> candidates = new ArrayList<>();
        for (ToolOutput o : request.toolOutputs()) {
            int index = c.size() - 1 - o.messagesFromEnd();
            if (index < 0 || index >= c.size() || !droppable[index]) continue;
            String text = o.text();
            int tokens = tokenizer.count(text);
            if (tokens >= MIN_TOKENS) candidates.add(new Candidate(o, text, tokens));
        }
        candidates.sort(Comparator.comparingInt(Candidate::tokens).reversed());
        int replaced = 0;
        int remaining = overflow;
        for (Candidate cand : candidates) {
            if (remaining <= 0) break;
            deadline.check(); // each candidate is a full compression pass
            String hash = ContentHash.of(cand.text());
            CompressionContext context = new CompressionContext(request.query(), ccrEnabled ? hash : null,
                    cand.output().toolName(), cand.output().messagesFromEnd(), false);
            Compressed result = compressor.compress(cand.text(), context);
            if (result == null || !result.changed() || result.content() == null) continue;
            int after = tokenizer.count(result.content());
            if (after >= cand.tokens()) continue;
            if (store && ccrEnabled) {
                // the compressed text carries the hash: without a confirmed original it must not go out
                if (!ccr.stored(scope, hash, new CcrEntry(cand.text(), cand.tokens(), result.originalUnits(),
                        result.keptUnits(), cand.output().toolName(), clock.instant()))) {
                    continue;
                }
                hashes.add(hash);
            }
            cand.output().slot().replace(result.content());
            remaining -= cand.tokens() - after;
            replaced++;
        }
        return replaced;
    }
}
