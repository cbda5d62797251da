package io.headroom.internal.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with jtokkit. Thread-safe.
 *
 * <p>Speed matters here: BPE runs at roughly 5 MB/s, so a 200 KB tool output costs ~40 ms to count
 * exactly, more than everything else the pipeline does to it. {@link Tokenizer#count} is therefore
 * exact up to {@value #EXACT_CHARS} characters (everything that decides a threshold, and compressed
 * outputs) and samples longer texts; {@link Tokenizer#countExact} is there when exactness matters
 * more than time.
 */
public final class TokenCounter {
    /** Texts up to this many chars are counted exactly. */
    public static final int EXACT_CHARS = 16_384;
    /*
     * 16 windows of 256 chars: half the BPE work of 8 x 1,024 and as close on the corpus tool outputs
     * (within 2.3% of the exact count on every one of them, against 3.7% for 8 x 1,024 and 8.7% for
     * 4 x 1,024): more, shorter windows see more of a heterogeneous output (HTML, a test log).
     */
    static final int SAMPLES = 16;
    static final int SAMPLE_CHARS = 256;

    /**
     * The BPE tables (~50 MB once loaded, ~1 s to load, shipped in the jtokkit jar) are read-only
     * data, so one lazy registry serves every instance in the JVM: each encoding is loaded on first
     * use and never again, however many Headroom instances an application or test suite builds.
     */
    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }

    /** Loaded on first use of an o200k model; one per counter, so its piece cache serves every request. */
    private volatile O200kAsciiCounter o200k;

    /** A counter bound to one model's encoding, to count the many texts of one request. */
    public Tokenizer forModel(String model) {
        TokenEncoding encoding = TokenEncoding.forModel(model);
        if (encoding == TokenEncoding.O200K_BASE) {
            O200kAsciiCounter fast = o200k;
            if (fast == null) {
                // a benign race: two first callers may each build one; either works
                fast = o200k = new O200kAsciiCounter(Registry.INSTANCE.getEncoding(EncodingType.O200K_BASE));
            }
            return new Tokenizer(encoding, fast.bpe(), fast);
        }
        return new Tokenizer(encoding, Registry.INSTANCE.getEncoding(EncodingType.CL100K_BASE), null);
    }

    public int count(String model, String text) {
        return forModel(model).count(text);
    }

    /**
     * Loads both BPE tables now (once per JVM; a no-op afterwards) so that a request never spends its
     * compression deadline on them: built into the engine's construction, i.e. application start-up.
     */
    public TokenCounter preload() {
        forModel("gpt-4o").count("warm");
        forModel("gpt-4").count("warm");
        return this;
    }

    /** Counts text for one encoding. */
    public static final class Tokenizer {
        private final TokenEncoding encoding;
        private final Encoding bpe;
        /** The fast path for ASCII text in o200k; null for other encodings. */
        private final O200kAsciiCounter ascii;

        private Tokenizer(TokenEncoding encoding, Encoding bpe, O200kAsciiCounter ascii) {
            this.encoding = encoding;
            this.bpe = bpe;
            this.ascii = ascii;
        }

        public TokenEncoding encoding() {
            return encoding;
        }

        /**
         * Tokens of {@code text}: exact up to {@value #EXACT_CHARS} chars, beyond that extrapolated
         * from {@value #SAMPLES} evenly spaced windows of {@value #SAMPLE_CHARS} chars (within a few
         * percent on the uniform text tool outputs consist of). Deterministic.
         */
        public int count(String text) {
            if (text == null || text.isEmpty()) {
                return 0;
            }
            if (text.length() <= EXACT_CHARS) {
                return scaled(ordinary(text, 0, text.length()));
            }
            long sampled = 0;
            int step = (text.length() - SAMPLE_CHARS) / (SAMPLES - 1);
            for (int i = 0; i < SAMPLES; i++) {
                int from = i * step;
                int to = from + SAMPLE_CHARS;
                // never split a surrogate pair: it would count as two odd tokens
                if (Character.isLowSurrogate(text.charAt(from))) from++;
                if (Character.isHighSurrogate(text.charAt(to - 1))) to--;
                sampled += ordinary(text, from, to); // only the windows are read
            }
            double perChar = (double) sampled / (SAMPLES * SAMPLE_CHARS);
            return scaled((int) Math.round(perChar * text.length()));
        }

        /**
         * Exact tokens of {@code text}. Special-token strings such as {@code <|endoftext|>} inside
         * content are counted as ordinary text, as the provider does for request content.
         */
        public int countExact(String text) {
            return text == null || text.isEmpty() ? 0 : scaled(ordinary(text, 0, text.length()));
        }

        /** BPE tokens of {@code text[from, to)} counted as a text of its own. */
        private int ordinary(String text, int from, int to) {
            if (ascii != null) return ascii.count(text, from, to);
            String part = from == 0 && to == text.length() ? text : text.substring(from, to);
            return bpe.countTokensOrdinary(wellFormed(part));
        }

        /**
         * {@code text} with each unpaired surrogate replaced by U+FFFD, as a UTF-8 encoder sends it.
         * JSON escapes of a lone surrogate (backslash, u, d800) produce such strings, and jtokkit fails an assertion
         * (an Error that would escape fail-open handling when assertions are enabled) on them.
         */
        static String wellFormed(String text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
                    if (!paired) {
                        return replaceUnpaired(text);
                    }
                    i++;
                }
            }
            return text;
        }

        private static String replaceUnpaired(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    sb.append(c).append(text.charAt(++i));
                } else {
                    sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            }
            return sb.toString();
        }

        private int scaled(int tokens) {
            return encoding.scale() == 1.0 ? tokens : (int) Math.ceil(tokens * encoding.scale());
        }
    }
}
