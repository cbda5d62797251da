package io.headroom.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} decorator that compresses tool results before the wrapped model sees them:
 *
 * <pre>{@code
 * ChatModel model = HeadroomChatModel.builder(OpenAiChatModel.builder()...build())
 *         .config(HeadroomConfig.defaults())
 *         .listener(m -> log.info("saved {} tokens", m.tokensSaved()))
 *         .build();
 * }</pre>
 *
 * <p>Each call converts the request's messages to the OpenAI chat shape, runs
 * {@link Headroom#compress}, and sends the delegate the same request with every compressed tool
 * result put back into its {@code ToolExecutionResultMessage}; system, user and AI messages, tool
 * specifications and parameters are passed on as they are. The configured mode applies:
 * {@code passthrough} skips compression, {@code audit} measures it and sends the original. Per-call
 * metrics go to {@link #lastMetrics()} and the listener, running totals to {@link #totals()}.
 * Fails open: if compression fails, the original request is sent and one WARN line is logged.
 * Thread-safe; {@link #close()} releases a Headroom the builder created from a config.
 */
public final class HeadroomChatModel implements ChatModel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeadroomChatModel.class);
    /** Token counting needs a model; this one stands in when the request names none. */
    static final String DEFAULT_MODEL = "gpt-4o";

    private final ChatModel delegate;
    private final Headroom headroom;
    private final boolean ownsHeadroom;
    private final Consumer<ChatCompressionMetrics> listener;
    private final AtomicReference<ChatCompressionMetrics> last = new AtomicReference<>();
    private final LongAdder calls = new LongAdder();
    private final LongAdder tokensBefore = new LongAdder();
    private final LongAdder tokensSaved = new LongAdder();

    private HeadroomChatModel(Builder b) {
        this.delegate = b.delegate;
        this.ownsHeadroom = b.headroom == null;
        this.headroom = ownsHeadroom ? Headroom.create(b.config) : b.headroom;
        this.listener = b.listener;
    }

    public static Builder builder(ChatModel delegate) {
        return new Builder(delegate);
    }

    /** Wraps {@code delegate} with a Headroom of default configuration. */
    public static HeadroomChatModel wrap(ChatModel delegate) {
        return builder(delegate).build();
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return delegate.chat(compress(request), options);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return delegate.doChat(compress(request));
    }

    /** The request the delegate gets: tool results compressed per the configured mode. */
    ChatRequest compress(ChatRequest request) {
        Mode mode = headroom.config().mode();
        if (mode == Mode.PASSTHROUGH || request.messages().isEmpty()) {
            record(ChatCompressionMetrics.untouched(false, Duration.ZERO));
            return request;
        }
        long start = System.nanoTime();
        try {
            OpenAiChatMessages chat = OpenAiChatMessages.from(request.messages());
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("model", request.modelName() == null || request.modelName().isBlank() ? DEFAULT_MODEL : request.modelName());
            body.set("messages", chat.messages());
            CompressResult r = headroom.compress(body);
            boolean apply = mode == Mode.OPTIMIZE;
            OpenAiChatMessages.Rewritten rewritten = chat.applyCompressed(request.messages(), messagesOf(r));
            record(new ChatCompressionMetrics(r.tokensBefore(), r.tokensAfter(), r.transformsApplied(), r.ccrHashes(),
                    rewritten.toolResultsCompressed(), apply && rewritten.toolResultsCompressed() > 0, false,
                    Duration.ofNanos(System.nanoTime() - start)));
            return apply && rewritten.toolResultsCompressed() > 0
                    ? request.toBuilder().messages(rewritten.messages()).build()
                    : request;
        } catch (RuntimeException e) {
            LOG.warn("Headroom could not compress the chat request ({}); sending the original messages",
                    e.getClass().getName());
            record(ChatCompressionMetrics.untouched(true, Duration.ofNanos(System.nanoTime() - start)));
            return request;
        }
    }

    private static JsonNode messagesOf(CompressResult r) {
        return r.messages() == null ? JsonNodeFactory.instance.arrayNode() : r.messages();
    }

    private void record(ChatCompressionMetrics m) {
        last.set(m);
        calls.increment();
        tokensBefore.add(m.tokensBefore());
        tokensSaved.add(m.tokensSaved());
        try {
            listener.accept(m);
        } catch (RuntimeException e) {
            LOG.warn("Headroom metrics listener failed ({})", e.getClass().getName());
        }
    }

    /** Metrics of the most recent call (of any thread), or null before the first call. */
    public ChatCompressionMetrics lastMetrics() {
        return last.get();
    }

    /** Running totals since this model was built. */
    public Totals totals() {
        return new Totals(calls.sum(), tokensBefore.sum(), tokensSaved.sum());
    }

    /** The Headroom behind this model, e.g. to {@code retrieve} a compressed tool output's original. */
    public Headroom headroom() {
        return headroom;
    }

    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    /** The delegate's listeners; the delegate notifies them itself. */
    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public void close() {
        if (ownsHeadroom) {
            headroom.close();
        }
    }

    /**
     * @param calls        chat calls seen
     * @param tokensBefore tokens of the messages as built by the caller, summed
     * @param tokensSaved  tokens the delegate was spared, summed
     */
    public record Totals(long calls, long tokensBefore, long tokensSaved) {
        public double savingsPercent() {
            return tokensBefore == 0 ? 0.0 : 100.0 * tokensSaved / tokensBefore;
        }
    }

    public static final class Builder {
        private final ChatModel delegate;
        private Headroom headroom;
        private HeadroomConfig config = HeadroomConfig.defaults();
        private Consumer<ChatCompressionMetrics> listener = m -> { };

        private Builder(ChatModel delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** Use a shared Headroom (CCR store, stats); the caller keeps ownership. Wins over {@link #config}. */
        public Builder headroom(Headroom headroom) {
            this.headroom = Objects.requireNonNull(headroom, "headroom");
            return this;
        }

        /** Configuration of the Headroom this model creates and owns. */
        public Builder config(HeadroomConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Called after each call's compression, on the calling thread; must be fast and not throw. */
        public Builder listener(Consumer<ChatCompressionMetrics> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public HeadroomChatModel build() {
            return new HeadroomChatModel(this);
        }
    }
}
