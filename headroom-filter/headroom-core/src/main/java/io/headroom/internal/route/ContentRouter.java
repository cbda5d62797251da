package io.headroom.internal.route;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.ContentType;
import io.headroom.HeadroomConfig;
import io.headroom.host.HeadroomLog;
import io.headroom.internal.code.CodeCompressor;
import io.headroom.internal.content.ParsingCompressor;
import io.headroom.internal.content.TextLines;
import io.headroom.internal.crush.CrushHints;
import io.headroom.internal.crush.SmartCrusher;
import io.headroom.internal.diff.DiffCompressor;
import io.headroom.internal.html.HtmlCompressor;
import io.headroom.internal.logs.LogCompressor;
import io.headroom.internal.search.SearchCompressor;
import io.headroom.internal.structured.XmlCompressor;
import io.headroom.internal.structured.YamlCompressor;
import io.headroom.internal.table.TableCompressor;
import io.headroom.internal.text.TextCompressor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Detects what each tool output is and hands it to that type's compressor. One compressor failing
 * costs only that output its compression: the router returns it unchanged (fail open per output) and
 * logs one WARN line naming the compressor and the exception class, never content. Thread-safe.
 */
public final class ContentRouter implements ContentCompressor {
    private static final HeadroomLog LOG = HeadroomLog.of(ContentRouter.class);

    private final ContentDetector detector;
    private final Map<ContentType, ContentCompressor> compressors;

    /** @param compressors one per content type; a type without one passes through unchanged */
    public ContentRouter(ContentDetector detector, Map<ContentType, ContentCompressor> compressors) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.compressors = new EnumMap<>(ContentType.class);
        this.compressors.putAll(compressors);
    }

    /** The production wiring: every content type to its compressor, all configured from {@code config}. */
    public static ContentRouter create(HeadroomConfig config) {
        return create(config, CrushHints.Source.NONE);
    }

    /** As {@link #create(HeadroomConfig)}, SmartCrusher applying what was learned from retrievals. */
    public static ContentRouter create(HeadroomConfig config, CrushHints.Source hints) {
        Map<ContentType, ContentCompressor> m = new EnumMap<>(ContentType.class);
        m.put(ContentType.JSON, new SmartCrusher(config.crusher(), hints)); // a ParsingCompressor: its parse is the JSON check
        m.put(ContentType.LOG, new LogCompressor());
        m.put(ContentType.SEARCH, new SearchCompressor());
        m.put(ContentType.DIFF, new DiffCompressor());
        m.put(ContentType.HTML, new HtmlCompressor());
        m.put(ContentType.TEXT, new TextCompressor());
        m.put(ContentType.XML, new XmlCompressor(config.crusher(), new TextCompressor())); // no long run: the text path
        m.put(ContentType.YAML, new YamlCompressor(config.crusher(), new TextCompressor()));
        m.put(ContentType.TABLE, new TableCompressor(config.crusher(), new TextCompressor())); // unparseable tables: the text path
        m.put(ContentType.CODE, new CodeCompressor(config.codeCompression())); // protects recent code and analysis requests itself
        return new ContentRouter(new ContentDetector(), m);
    }

    /**
     * Detects the type of {@code content} and compresses it with that type's compressor. Never throws.
     * Content that starts like JSON goes straight to a {@link ParsingCompressor} JSON compressor, whose parse
     * decides whether it is JSON; only when it does not parse does the detector look at it.
     */
    public Routed route(String content, CompressionContext context) {
        ContentCompressor json = compressors.get(ContentType.JSON);
        if (json instanceof ParsingCompressor parsing && TextLines.startsLikeJson(content)) {
            Compressed result;
            try {
                result = parsing.compressIfParses(content, context);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                return failed(ContentType.JSON, content, e);
            }
            if (result != null) return checked(ContentType.JSON, content, result);
        }
        ContentType type;
        try {
            type = detector.detect(content);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Headroom content detection failed, output left unchanged: {}", e.getClass().getName());
            return new Routed(ContentType.TEXT, Compressed.unchanged(content));
        }
        ContentCompressor compressor = compressors.get(type);
        if (compressor == null) return new Routed(type, Compressed.unchanged(content));
        Compressed result;
        try {
            result = compressor.compress(content, context);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return failed(type, content, e);
        }
        return checked(type, content, result);
    }

    private static Routed failed(ContentType type, String content, Throwable e) {
        LOG.warn("Headroom {} compressor failed, output left unchanged: {}", type.wireName(), e.getClass().getName());
        return new Routed(type, Compressed.unchanged(content));
    }

    /** A result that is missing or not strictly shorter than the original counts as unchanged. */
    private static Routed checked(ContentType type, String content, Compressed result) {
        if (result == null || !result.changed() || result.content() == null
                || result.content().length() >= content.length()) {
            return new Routed(type, Compressed.unchanged(content));
        }
        return new Routed(type, result);
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        return route(content, context).result();
    }
}
