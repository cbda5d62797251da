package io.headroom.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.HeadroomLog;
import io.headroom.host.JsonCodec;
import io.headroom.host.retrieve.RetrieveToolInjector;
import io.headroom.internal.expansion.ProactiveExpansion;
import io.headroom.internal.expansion.ProactiveExpansion.Expanded;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.limits.DeadlineExceeded;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * The proxied path: bytes in, bytes out, never an exception. Anything that is not a JSON object
 * within the size limit passes through untouched; an internal error forwards the original and logs
 * one WARN line naming the error, never request content; so does a request still in the pipeline when
 * {@code compression-deadline-ms} passes (counted as {@link RequestOutcome#deadlineExceeded()}).
 */
public final class RequestProcessor {
    private static final HeadroomLog LOG = HeadroomLog.of(RequestProcessor.class);

    private final HeadroomConfig config;
    private final JsonCodec codec;
    private final Pipeline pipeline;
    private final CompressionListener listener;
    private final RequestCounters counters;
    private final RetrieveToolInjector retrieveTool = new RetrieveToolInjector();
    private final LongSupplier nanoTime;
    /** The Context Tracker, or null when {@code ccr.expansion.enabled} (or CCR) is off. */
    private final ProactiveExpansion expansion;

    public RequestProcessor(HeadroomConfig config, JsonCodec codec, Pipeline pipeline,
                            CompressionListener listener, RequestCounters counters) {
        this(config, codec, pipeline, listener, counters, System::nanoTime);
    }

    /**
     * @param listener told of every request, unguarded: the engine passes its fan-out, which guards each listener
     * @param nanoTime the clock the compression deadline is measured on ({@code System::nanoTime})
     */
    public RequestProcessor(HeadroomConfig config, JsonCodec codec, Pipeline pipeline,
                            CompressionListener listener, RequestCounters counters, LongSupplier nanoTime) {
        this(config, codec, pipeline, listener, counters, nanoTime, null);
    }

    /** @param expansion the Context Tracker's proactive expansion, or null for none */
    public RequestProcessor(HeadroomConfig config, JsonCodec codec, Pipeline pipeline, CompressionListener listener,
                            RequestCounters counters, LongSupplier nanoTime, ProactiveExpansion expansion) {
        this.expansion = expansion;
        this.config = config;
        this.codec = codec;
        this.pipeline = pipeline;
        this.listener = listener;
        this.counters = counters;
        this.nanoTime = nanoTime;
    }

    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride) {
        return process(endpoint, body, modeOverride, io.headroom.CcrStore.SHARED_SCOPE);
    }

    /** As {@link #process(Endpoint, byte[], Mode)}, storing originals in the CCR scope {@code scope}. */
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride, String scope) {
        long start = System.nanoTime();
        Mode mode = modeOverride != null ? modeOverride : config.mode();
        RequestOutcome outcome;
        try {
            outcome = rewrite(endpoint, body, mode, scope, Deadline.after(config.limits().compressionDeadlineMs(), nanoTime));
        } catch (DeadlineExceeded e) {
            LOG.warn("Headroom forwarded a {} request unchanged: compression deadline of {} ms passed",
                    endpoint.path(), e.budgetMillis());
            outcome = RequestOutcome.overDeadline(body);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            LOG.warn("Headroom forwarded a {} request unchanged after an internal error: {}",
                    endpoint == null ? "unknown" : endpoint.path(), describe(e));
            outcome = RequestOutcome.failOpen(body);
        }
        counters.record(outcome);
        listener.onRequest(endpoint, mode, outcome, System.nanoTime() - start); // the engine's guarded fan-out
        return outcome;
    }

    private RequestOutcome rewrite(Endpoint endpoint, byte[] body, Mode mode, String scope, Deadline deadline) {
        if (mode == Mode.PASSTHROUGH || endpoint == null || body == null || body.length == 0
                || body.length > config.limits().maxBodyBytes()) {
            return RequestOutcome.untouched(body);
        }
        JsonNode root;
        try {
            root = codec.parse(body);
        } catch (JsonProcessingException e) {
            return RequestOutcome.untouched(body); // not JSON is normal input here, not an error
        }
        if (!(root instanceof ObjectNode object)) {
            return RequestOutcome.untouched(body);
        }
        boolean optimize = mode == Mode.OPTIMIZE;
        deadline.check();
        String model = object.path("model").isTextual() ? object.get("model").textValue() : null;
        PipelineResult r = pipeline.run(endpoint, object, optimize, OptionalInt.empty(), scope, deadline);
        // a request context management had to cut down has no room for more
        Expanded expanded = optimize && expansion != null
                ? expansion.apply(endpoint, object, scope, r.stored(), !r.cutToBudget()) : Expanded.NONE;
        if (expanded.items() > 0) {
            deadline.check();
            counters.proactiveExpansion(expanded.items());
            listener.onProactiveExpansion(endpoint, expanded.items(), expanded.tokens());
        }
        if ((!r.changed() && expanded.items() == 0) || !optimize) {
            // audit reports what optimize would have saved but forwards the very same bytes
            return new RequestOutcome(body, false, r.tokensBefore(), r.tokensAfter(),
                    r.transformsApplied(), r.ccrHashes(), false, false, false, model, r.images().tally().usage());
        }
        if (r.markersSent() && config.ccr().injectTool()) {
            // originals went to CCR: let the model ask for them (the gateway answers the calls)
            retrieveTool.inject(endpoint, object);
        }
        byte[] rewritten = codec.write(object);
        deadline.check();
        // changed but not compressed: only provider cache hints (or the opt-in cache aligner) touched it
        // the expansion's tokens are sent too: counted in 'after', so the savings reported stay honest
        return new RequestOutcome(rewritten, r.compressed(), r.tokensBefore(), r.tokensAfter() + expanded.tokens(),
                r.transformsApplied(), r.ccrHashes(), false, true, false, model, r.images().tally().usage());
    }

    /**
     * The exception class and where it was thrown: enough to diagnose. Never the message: parser and
     * transform messages can quote fragments of the request body.
     */
    static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName()
                + ":" + trace[0].getLineNumber();
        return e.getClass().getName() + where;
    }
}
