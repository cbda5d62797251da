package io.headroom.host;

import com.fasterxml.jackson.core.JsonFactory;
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
 * <p>Fidelity: object fields keep their order, decimals keep their exact digits (BigDecimal nodes),
 * and a document with a duplicate key is rejected rather than silently losing one of the values,
 * so a re-serialised body carries everything the client sent.
 */
public final class JsonCodec {
    /** Deep enough for any real request (tool schemas nest a few dozen levels), shallow enough to stop abuse. */
    static final int MAX_NESTING_DEPTH = 500;

    private final ObjectMapper mapper;

    /** @param maxDocumentBytes largest document (and largest single string) accepted */
    public JsonCodec(long maxDocumentBytes) {
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxDocumentBytes);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(maxString)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(1000)
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
     * @throws JsonProcessingException when the bytes are not exactly one valid JSON value within limits
     */
    public JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new JsonProcessingException("empty document") { };
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // readTree(byte[]) does no real I/O; anything else is a malformed document too
            throw new JsonProcessingException(e.getMessage(), e) { };
        }
    }

    public JsonNode parse(String json) throws JsonProcessingException {
        JsonNode node = mapper.readTree(json);
        if (node == null || node.isMissingNode()) {
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
