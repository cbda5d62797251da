package io.headroom.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.JdkZlibDecoder;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request body that streams through the gateway unread is one JSON object, judged chunk by chunk as it
 * passes (Jackson's non-blocking parser; nothing is built, the body is never held whole). The original proxy
 * parses every body on its LLM routes, whatever its content type, after undoing gzip or deflate, and answers the
 * provider's 400 for one that is not a JSON object; this lets the gateway do the same for the bodies the Headroom
 * filter left unread (bypassed, passthrough mode, over the compression limits, not declared as JSON). A body in
 * another coding (br, zstd, stacked codings) is not judged ({@link #forEncoding} is empty): it goes on as sent.
 * Decoded bytes beyond {@code maxDecodedBytes} are not judged either (a decompression bomb costs no more than
 * that): the verdict is then "valid", and so it is past the parser's bounds (see {@link #FACTORY}). Not
 * thread-safe: one per request, used from its event loop.
 */
final class JsonStreamCheck implements AutoCloseable {
    /**
     * The non-blocking parser holds a whole string (or number) value and one context per open level; past these
     * bounds it gives up and the body goes on unjudged, as it did before it was judged at all, so a hostile body
     * costs at most a few MB per request.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1 << 20)
                    .maxNumberLength(1_000)
                    .maxNestingDepth(1_000)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private final JsonParser parser;
    private final EmbeddedChannel inflater;
    private final long maxDecodedBytes;
    private long decoded;
    /** A value or nesting beyond the parser's bounds: no verdict, the body goes on unjudged. */
    private boolean gaveUp;
    private int depth;
    private boolean started;
    private boolean complete;
    private String problem;

    private JsonStreamCheck(ZlibWrapper wrapper, long maxDecodedBytes) throws IOException {
        this.parser = FACTORY.createNonBlockingByteArrayParser();
        this.inflater = wrapper == null ? null : new EmbeddedChannel(new JdkZlibDecoder(wrapper, true));
        this.maxDecodedBytes = maxDecodedBytes;
    }

    /** A check for a body in {@code contentEncoding} (identity, gzip or deflate); empty for any other coding. */
    static Optional<JsonStreamCheck> forEncoding(String contentEncoding, long maxDecodedBytes) {
        String coding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        ZlibWrapper wrapper;
        switch (coding) {
            case "", "identity" -> wrapper = null;
            case "gzip", "x-gzip" -> wrapper = ZlibWrapper.GZIP;
            case "deflate" -> wrapper = ZlibWrapper.ZLIB_OR_NONE; // zlib as RFC 9110 says, or raw as some send
            default -> {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new JsonStreamCheck(wrapper, maxDecodedBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads one chunk; the problem found so far (then stop feeding), else empty. */
    Optional<String> feed(Buffer chunk) {
        if (problem != null || unjudged() || chunk.length() == 0) {
            return Optional.ofNullable(problem);
        }
        if (inflater == null) {
            parse(chunk.getBytes());
        } else {
            try {
                inflater.writeInbound(Unpooled.wrappedBuffer(chunk.getBytes()));
            } catch (RuntimeException e) {
                problem = "request body does not decode as its Content-Encoding says";
                return Optional.of(problem);
            }
            drainInflater();
        }
        return Optional.ofNullable(problem);
    }

    /** The body has ended: empty when it was one JSON object (or was not judged to the end), else why not. */
    Optional<String> end() {
        if (problem != null || unjudged()) {
            return Optional.ofNullable(problem);
        }
        if (inflater != null) {
            try {
                inflater.finish();
            } catch (RuntimeException e) {
                problem = "request body does not decode as its Content-Encoding says";
                return Optional.of(problem);
            }
            drainInflater();
            if (problem != null || unjudged()) {
                return Optional.ofNullable(problem);
            }
        }
        ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).endOfInput();
        advance();
        if (problem == null && !gaveUp && !complete) {
            problem = started ? "request body ends inside the JSON object" : "request body must be a JSON object";
        }
        return Optional.ofNullable(problem);
    }

    private boolean unjudged() {
        return gaveUp || decoded > maxDecodedBytes;
    }

    private void drainInflater() {
        ByteBuf out;
        while ((out = inflater.readInbound()) != null) {
            try {
                byte[] bytes = new byte[out.readableBytes()];
                out.readBytes(bytes);
                decoded += bytes.length;
                if (problem == null && !unjudged()) {
                    parse(bytes); // past a bound: no verdict, the body goes on as sent (the rest is released)
                }
            } finally {
                out.release();
            }
        }
    }

    private void parse(byte[] bytes) {
        try {
            ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
        } catch (IOException e) {
            problem = "request body is not valid JSON";
            return;
        }
        advance();
    }

    /** Consumes the tokens available so far, tracking the nesting of the one top-level object. */
    private void advance() {
        try {
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                if (complete) {
                    problem = "request body has content after the JSON object";
                    return;
                }
                if (!started) {
                    if (t != JsonToken.START_OBJECT) {
                        problem = "request body must be a JSON object";
                        return;
                    }
                    started = true;
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd() && --depth == 0) {
                    complete = true;
                }
            }
        } catch (StreamConstraintsException e) {
            gaveUp = true;
        } catch (JsonProcessingException e) {
            problem = "request body is not valid JSON (at byte "
                    + (e.getLocation() == null ? -1 : e.getLocation().getByteOffset()) + ")";
        } catch (IOException e) {
            problem = "request body is not valid JSON";
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing held
        }
        if (inflater != null) {
            try {
                inflater.finishAndReleaseAll();
            } catch (RuntimeException e) {
                // a decoding failure it recorded is rethrown here; it was reported by feed or end already
            }
        }
    }
}
