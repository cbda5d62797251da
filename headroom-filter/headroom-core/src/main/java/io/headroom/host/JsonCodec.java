package io.headroom.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes request bodies as Jackson trees. Built once per Headroom instance.
 *
 * <p>Fidelity: a body is read only when it is strict UTF-8 ({@link StrictUtf8}: an overlong or
 * surrogate sequence would otherwise be decoded into another character) and holds exactly one JSON
 * value without duplicate keys (one value would be lost). Writing a tree read here gives back every
 * value it did not change byte for byte: object fields keep their order, numbers their text
 * ({@code -0.0}, {@code -0}, {@code 1E+2}, {@code 1.0e-7}, integers and decimals of any length), and
 * strings their escapes ({@code "caf\u00e9"} stays escaped, {@code "café"} stays literal). What is
 * not kept: insignificant whitespace (the output is compact), a UTF-8 byte order mark, and escapes
 * inside object keys (a key is written in Jackson's minimal form). Values the pipeline replaces are
 * written in that minimal form: {@code "}, {@code \} and control characters escaped, the rest literal
 * UTF-8.
 */
public final class JsonCodec {
    /** Deep enough for any real request (tool schemas nest a few dozen levels), shallow enough to stop abuse. */
    static final int MAX_NESTING_DEPTH = 500;
    /**
     * Most JSON tokens one document may hold. A parsed tree costs about 170 bytes of heap per token, so
     * without a cap a 34 MB body of a million tiny messages (six million tokens) holds about 1 GB while it
     * is worked on. Real requests stay far below: a conversation of a thousand turns is some 10,000
     * tokens, since tool outputs are single string tokens, and a 1,000-row tool output of 20 columns
     * some 42,000. A larger document is not rewritten (the request goes on as sent); the cap bounds both
     * the heap and the work one request can cost. A body that could hold more tokens than this is counted
     * first with the streaming parser, which builds nothing ({@link #countTokensWithinCap}), so an
     * oversized document is refused before any tree is built rather than after 170 MB of one.
     */
    public static final long MAX_TOKEN_COUNT = 1_000_000;

    /** {@link #shared} instances, one per limit (a process sees a handful of limits). */
    private static final java.util.concurrent.ConcurrentMap<Long, JsonCodec> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ObjectMapper mapper;

    /**
     * A codec for {@code maxDocumentBytes} shared across the process: a codec is immutable and thread-safe, and
     * building one (a mapper, then its serializer caches on first use) costs more than the small bodies it is used
     * on per exchange.
     */
    public static JsonCodec shared(long maxDocumentBytes) {
        return SHARED.computeIfAbsent(maxDocumentBytes, JsonCodec::new);
    }

    /** @param maxDocumentBytes largest document (and largest single string) accepted */
    public JsonCodec(long maxDocumentBytes) {
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxDocumentBytes);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(maxString)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(1000)
                        .maxTokenCount(MAX_TOKEN_COUNT)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // only trees are read: duplicate keys are caught as the tree is built, for free
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonProcessingException when the bytes are not strict UTF-8 holding exactly one valid JSON
     *                                 value within limits
     */
    public JsonNode parse(byte[] body) throws JsonProcessingException {
        int bad = StrictUtf8.firstInvalid(body);
        if (bad >= 0) {
            throw new JsonProcessingException("not strict UTF-8 at byte " + bad) { };
        }
        if (body.length > MAX_TOKEN_COUNT) {
            countTokensWithinCap(body);
        }
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            return document(new ExactTreeReader(parser, body).readDocument());
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // parsing a byte array does no real I/O; anything else is a malformed document too
            throw new JsonProcessingException(e.getMessage(), e) { };
        }
    }

    /**
     * Walks the document's tokens without building or decoding anything; the factory's constraints (token
     * count, depth, sizes) throw as soon as one is exceeded. Every token takes at least one byte, so only a
     * body longer than {@link #MAX_TOKEN_COUNT} bytes can exceed the cap and needs this pass; the extra pass
     * costs a small part of building the tree.
     */
    private void countTokensWithinCap(byte[] body) throws JsonProcessingException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                // the count is the parser's own (StreamReadConstraints.maxTokenCount)
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonProcessingException(e.getMessage(), e) { };
        }
    }

    /** As {@link #parse(byte[])} for text already decoded; its strings are written back in minimal form. */
    public JsonNode parse(String json) throws JsonProcessingException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            return document(new ExactTreeReader(parser, null).readDocument());
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonProcessingException(e.getMessage(), e) { };
        }
    }

    private static JsonNode document(JsonNode node) throws JsonProcessingException {
        if (node == null) {
            throw new JsonProcessingException("empty document") { };
        }
        return node;
    }

    /** Compact UTF-8 JSON. */
    public byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writeString(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
