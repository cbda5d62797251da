package io.headroom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Immutable Headroom configuration, built once per filter / extension instance: the {@link Mode} plus one
 * slice per concern, each handed only to the stage it configures.
 *
 * <ul>
 *   <li>{@link #crusher()} — compression of tool outputs, tool profiles ({@link CrusherConfig})</li>
 *   <li>{@link #ccr()} — the compress-cache-retrieve store ({@link CcrConfig})</li>
 *   <li>{@link #cacheAligner()} — provider prompt-cache alignment and breakpoints ({@link CacheAlignerConfig})</li>
 *   <li>{@link #codeCompression()} — source code in tool outputs ({@link CodeCompressionConfig})</li>
 *   <li>{@link #image()} — images in requests ({@link ImageConfig})</li>
 *   <li>{@link #context()} — context-window management ({@link ContextConfig})</li>
 *   <li>{@link #limits()} — what is taken on at all ({@link LimitsConfig})</li>
 *   <li>{@link #retrieve()} — the retrieve loop on the response side ({@link RetrieveConfig})</li>
 *   <li>{@link #learning()} — learning from retrievals, TOIN ({@link LearningConfig})</li>
 * </ul>
 *
 * <p>Every option has a property name (kebab-case) shared by all entry points: servlet init-params use it
 * as is ({@code min-tokens-to-crush}), Quarkus prefixes it ({@code quarkus.headroom.min-tokens-to-crush}).
 * Each default is a named constant of its slice ({@code CrusherConfig.DEFAULT_KEEP_FIRST}) and follows the
 * original project's documented defaults; {@link #OPTIONS} lists every option for the reference docs.
 * An invalid value is refused when it is set, with an {@link InvalidConfigException} naming the option.
 */
public final class HeadroomConfig {
    /** {@code optimize}, {@code audit} or {@code passthrough}; a request may override it ({@code x-headroom-mode}). */
    public static final String MODE = "mode";
    public static final Mode DEFAULT_MODE = Mode.OPTIMIZE;

    private static final PropertyTable<HeadroomConfig, Builder> PROPERTIES = new PropertyTable<HeadroomConfig, Builder>()
            .row(new ConfigOption(MODE, Arrays.stream(Mode.values()).map(Mode::wireName).collect(Collectors.joining("|")),
                            DEFAULT_MODE.wireName(),
                            "What is done with intercepted requests: optimize rewrites bodies, audit only measures, passthrough does nothing."),
                    (b, v) -> b.mode(PropertyTable.parse(MODE, v, s -> Mode.parse(s, DEFAULT_MODE))),
                    c -> c.mode().wireName());

    /**
     * Every option of every slice, in the order the reference lists them; with the hosts' {@link BodyReadConfig},
     * which is read under the same names (init-params, {@code quarkus.headroom.*}) though the pipeline never sees it.
     */
    public static final List<ConfigOption> OPTIONS = concat(PROPERTIES.options(), LimitsConfig.OPTIONS,
            BodyReadConfig.OPTIONS, CrusherConfig.OPTIONS, CcrConfig.OPTIONS, CacheAlignerConfig.OPTIONS, CodeCompressionConfig.OPTIONS,
            ImageConfig.OPTIONS, ContextConfig.OPTIONS, RetrieveConfig.OPTIONS, LearningConfig.OPTIONS);

    private static final HeadroomConfig DEFAULTS = builder().build();

    private final Mode mode;
    private final CrusherConfig crusher;
    private final CcrConfig ccr;
    private final CacheAlignerConfig cacheAligner;
    private final CodeCompressionConfig codeCompression;
    private final ImageConfig image;
    private final ContextConfig context;
    private final LimitsConfig limits;
    private final RetrieveConfig retrieve;
    private final LearningConfig learning;

    private HeadroomConfig(Builder b) {
        this.mode = b.mode;
        this.crusher = b.crusher;
        this.ccr = b.ccr;
        this.cacheAligner = b.cacheAligner;
        this.codeCompression = b.codeCompression;
        this.image = b.image;
        this.context = b.context;
        this.limits = b.limits;
        this.retrieve = b.retrieve;
        this.learning = b.learning;
    }

    public static HeadroomConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads options by property name (see each slice's constants); absent or blank values keep the default.
     *
     * @throws InvalidConfigException naming the first option whose value is refused
     */
    public static HeadroomConfig fromProperties(Function<String, String> lookup) {
        Builder b = PROPERTIES.read(lookup, builder());
        return b.limits(LimitsConfig.fromProperties(lookup))
                .crusher(CrusherConfig.fromProperties(lookup))
                .ccr(CcrConfig.fromProperties(lookup))
                .cacheAligner(CacheAlignerConfig.fromProperties(lookup))
                .codeCompression(CodeCompressionConfig.fromProperties(lookup))
                .image(ImageConfig.fromProperties(lookup))
                .context(ContextConfig.fromProperties(lookup))
                .retrieve(RetrieveConfig.fromProperties(lookup))
                .learning(LearningConfig.fromProperties(lookup))
                .build();
    }

    /** As {@link #fromProperties}; a map can list its keys, so tool profiles need not be declared. */
    public static HeadroomConfig fromMap(Map<String, String> properties) {
        return fromProperties(CrusherConfig.listingToolProfiles(properties));
    }

    public Mode mode() { return mode; }
    public CrusherConfig crusher() { return crusher; }
    public CcrConfig ccr() { return ccr; }
    public CacheAlignerConfig cacheAligner() { return cacheAligner; }
    public CodeCompressionConfig codeCompression() { return codeCompression; }
    public ImageConfig image() { return image; }
    public ContextConfig context() { return context; }
    public LimitsConfig limits() { return limits; }
    public RetrieveConfig retrieve() { return retrieve; }
    public LearningConfig learning() { return learning; }

    public Builder toBuilder() {
        return new Builder().mode(mode).crusher(crusher).ccr(ccr).cacheAligner(cacheAligner)
                .codeCompression(codeCompression).image(image).context(context).limits(limits).retrieve(retrieve)
                .learning(learning);
    }

    /** Every option that has a value, as a property: {@link #fromMap} reads it back to an equal config. */
    public Map<String, String> toProperties() {
        Map<String, String> out = PROPERTIES.write(this);
        out.putAll(limits.toProperties());
        out.putAll(crusher.toProperties());
        out.putAll(ccr.toProperties());
        out.putAll(cacheAligner.toProperties());
        out.putAll(codeCompression.toProperties());
        out.putAll(image.toProperties());
        out.putAll(context.toProperties());
        out.putAll(retrieve.toProperties());
        out.putAll(learning.toProperties());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeadroomConfig c && mode == c.mode && crusher.equals(c.crusher) && ccr.equals(c.ccr)
                && cacheAligner.equals(c.cacheAligner) && codeCompression.equals(c.codeCompression) && image.equals(c.image)
                && context.equals(c.context) && limits.equals(c.limits) && retrieve.equals(c.retrieve)
                && learning.equals(c.learning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, crusher, ccr, cacheAligner, codeCompression, image, context, limits, retrieve, learning);
    }

    @Override
    public String toString() {
        return "HeadroomConfig" + toProperties();
    }

    /**
     * Mutable builder. Each slice is set whole ({@code crusher(CrusherConfig)}) or edited in place
     * ({@code crusher(c -> c.keepFirst(4))}, starting from the slice set so far).
     */
    public static final class Builder {
        private Mode mode = DEFAULT_MODE;
        private CrusherConfig crusher = CrusherConfig.defaults();
        private CcrConfig ccr = CcrConfig.defaults();
        private CacheAlignerConfig cacheAligner = CacheAlignerConfig.defaults();
        private CodeCompressionConfig codeCompression = CodeCompressionConfig.defaults();
        private ImageConfig image = ImageConfig.defaults();
        private ContextConfig context = ContextConfig.defaults();
        private LimitsConfig limits = LimitsConfig.defaults();
        private RetrieveConfig retrieve = RetrieveConfig.defaults();
        private LearningConfig learning = LearningConfig.defaults();

        private Builder() {
        }

        public Builder mode(Mode v) {
            this.mode = Checks.present(MODE, v);
            return this;
        }

        public Builder crusher(CrusherConfig v) {
            this.crusher = Objects.requireNonNull(v, "crusher");
            return this;
        }

        public Builder crusher(Consumer<CrusherConfig.Builder> edit) {
            CrusherConfig.Builder b = crusher.toBuilder();
            edit.accept(b);
            return crusher(b.build());
        }

        public Builder ccr(CcrConfig v) {
            this.ccr = Objects.requireNonNull(v, "ccr");
            return this;
        }

        public Builder ccr(Consumer<CcrConfig.Builder> edit) {
            CcrConfig.Builder b = ccr.toBuilder();
            edit.accept(b);
            return ccr(b.build());
        }

        public Builder cacheAligner(CacheAlignerConfig v) {
            this.cacheAligner = Objects.requireNonNull(v, "cacheAligner");
            return this;
        }

        public Builder cacheAligner(Consumer<CacheAlignerConfig.Builder> edit) {
            CacheAlignerConfig.Builder b = cacheAligner.toBuilder();
            edit.accept(b);
            return cacheAligner(b.build());
        }

        public Builder codeCompression(CodeCompressionConfig v) {
            this.codeCompression = Objects.requireNonNull(v, "codeCompression");
            return this;
        }

        public Builder codeCompression(Consumer<CodeCompressionConfig.Builder> edit) {
            CodeCompressionConfig.Builder b = codeCompression.toBuilder();
            edit.accept(b);
            return codeCompression(b.build());
        }

        public Builder image(ImageConfig v) {
            this.image = Objects.requireNonNull(v, "image");
            return this;
        }

        public Builder image(Consumer<ImageConfig.Builder> edit) {
            ImageConfig.Builder b = image.toBuilder();
            edit.accept(b);
            return image(b.build());
        }

        public Builder context(ContextConfig v) {
            this.context = Objects.requireNonNull(v, "context");
            return this;
        }

        public Builder context(Consumer<ContextConfig.Builder> edit) {
            ContextConfig.Builder b = context.toBuilder();
            edit.accept(b);
            return context(b.build());
        }

        public Builder limits(LimitsConfig v) {
            this.limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        public Builder limits(Consumer<LimitsConfig.Builder> edit) {
            LimitsConfig.Builder b = limits.toBuilder();
            edit.accept(b);
            return limits(b.build());
        }

        public Builder retrieve(RetrieveConfig v) {
            this.retrieve = Objects.requireNonNull(v, "retrieve");
            return this;
        }

        public Builder retrieve(Consumer<RetrieveConfig.Builder> edit) {
            RetrieveConfig.Builder b = retrieve.toBuilder();
            edit.accept(b);
            return retrieve(b.build());
        }

        public Builder learning(LearningConfig v) {
            this.learning = Objects.requireNonNull(v, "learning");
            return this;
        }

        public Builder learning(Consumer<LearningConfig.Builder> edit) {
            LearningConfig.Builder b = learning.toBuilder();
            edit.accept(b);
            return learning(b.build());
        }

        public HeadroomConfig build() {
            return new HeadroomConfig(this);
        }
    }

    @SafeVarargs
    private static List<ConfigOption> concat(List<ConfigOption>... lists) {
        List<ConfigOption> all = new ArrayList<>();
        for (List<ConfigOption> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}
