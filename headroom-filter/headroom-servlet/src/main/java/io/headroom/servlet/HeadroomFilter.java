package io.headroom.servlet;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.BodyEncoding;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses LLM request bodies ({@code POST /v1/chat/completions}, {@code /v1/messages},
 * {@code /v1/responses}) before the application behind it sees them.
 *
 * <p>Configured by init-params named like the {@link HeadroomConfig} properties (e.g.
 * {@code mode}, {@code min-tokens-to-crush}, {@code max-body-bytes}), or registered programmatically
 * with a ready {@link Headroom}. Per request, {@code x-headroom-bypass: true} skips it and
 * {@code x-headroom-mode} overrides the mode. Only JSON in UTF-8 (or without a Content-Type) is
 * rewritten; a {@code gzip} or {@code deflate} body is decoded within {@code max-body-bytes} and a
 * 100x expansion ratio and, when rewritten, forwarded decoded without its {@code Content-Encoding};
 * any other body (other media types or charsets, other encodings, oversized, undecodable) is
 * forwarded exactly as sent. The response is never wrapped, so streamed (SSE)
 * answers flow through as written; the {@code x-headroom-*} headers are set before the chain runs
 * so they are present even when the application commits the response early.
 *
 * <p>Fails open: if Headroom itself fails, the original bytes are forwarded. Errors from the
 * application (the rest of the chain) propagate unchanged.
 */
public class HeadroomFilter implements Filter {
    public static final String HEADER_BYPASS = "x-headroom-bypass";
    public static final String HEADER_MODE = "x-headroom-mode";
    public static final String HEADER_COMPRESSED = "x-headroom-compressed";
    public static final String HEADER_TOKENS_SAVED = "x-headroom-tokens-saved";

    private static final Logger LOG = LoggerFactory.getLogger(HeadroomFilter.class);
    /** Marks a request already handled, so a forward or include does not process it twice. */
    private static final String HANDLED = HeadroomFilter.class.getName() + ".handled";

    /** Set in init, read by request threads. */
    private volatile Headroom headroom;
    private volatile boolean ownsHeadroom;

    /** For containers: the Headroom is built from the init-params in {@link #init(FilterConfig)}. */
    public HeadroomFilter() {
    }

    /** For programmatic registration; the caller keeps ownership (and closes it). */
    public HeadroomFilter(Headroom headroom) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (headroom != null) {
            return;
        }
        try {
            headroom = Headroom.create(HeadroomConfig.fromProperties(filterConfig::getInitParameter));
            ownsHeadroom = true;
        } catch (RuntimeException e) {
            throw new ServletException("Invalid Headroom configuration for filter '"
                    + filterConfig.getFilterName() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (ownsHeadroom && headroom != null) {
            headroom.close();
            headroom = null;
            ownsHeadroom = false;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Headroom current = headroom;
        if (current == null || !(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Endpoint> endpoint = RequestTarget.endpoint(request);
        if (endpoint.isEmpty() || request.getAttribute(HANDLED) != null) {
            chain.doFilter(req, res);
            return;
        }
        request.setAttribute(HANDLED, Boolean.TRUE);

        Optional<BodyEncoding> encoding = RequestTarget.decodableEncoding(request);
        long maxBodyBytes = current.config().limits().maxBodyBytes();
        if (RequestTarget.bypassed(request) || !RequestTarget.rewritableContentType(request)
                || (encoding.isEmpty() && RequestTarget.contentEncoded(request))
                || request.getContentLengthLong() > maxBodyBytes) {
            markUntouched(response);
            chain.doFilter(req, res);
            return;
        }
        BoundedBody body = BoundedBody.read(request.getInputStream(), maxBodyBytes);
        if (!body.complete()) {
            markUntouched(response);
            chain.doFilter(new ReplayingRequest(request, body.bytes()), res);
            return;
        }
        byte[] json = body.bytes();
        if (encoding.isPresent()) {
            // bounded by max-body-bytes and a 100x ratio: a decompression bomb stops there and goes on as sent
            Optional<byte[]> decoded = encoding.get().decode(body.bytes(), maxBodyBytes, BodyEncoding.DEFAULT_MAX_RATIO);
            if (decoded.isEmpty()) {
                markUntouched(response);
                chain.doFilter(new CachedBodyRequest(request, body.bytes(), false), res);
                return;
            }
            json = decoded.get();
        }
        RequestOutcome outcome = process(current, endpoint.get(), json, RequestTarget.modeOverride(request));
        response.setHeader(HEADER_COMPRESSED, Boolean.toString(outcome.compressed()));
        // Audit mode reports would-be savings through stats; only real savings go in the header.
        response.setHeader(HEADER_TOKENS_SAVED, Integer.toString(outcome.compressed() ? outcome.tokensSaved() : 0));
        if (encoding.isPresent() && !outcome.compressed()) {
            // nothing rewritten: the application gets the body exactly as the client encoded it
            chain.doFilter(new CachedBodyRequest(request, body.bytes(), false), response);
        } else {
            // a rewritten encoded body goes on decoded, without its Content-Encoding
            chain.doFilter(new CachedBodyRequest(request, outcome.body(), encoding.isPresent()), response);
        }
    }

    /** The facade promises not to throw; this guards the request should it break that promise. */
    private static RequestOutcome process(Headroom headroom, Endpoint endpoint, byte[] body, Mode mode) {
        try {
            RequestOutcome outcome = headroom.process(endpoint, body, mode);
            if (outcome != null && outcome.body() != null) {
                return outcome;
            }
            LOG.warn("Headroom returned no outcome for POST {}; forwarding the original body", endpoint.path());
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // Errors too: a library assertion (with -ea) or a missing class must not cost the request
            LOG.warn("Headroom failed for POST {} ({}); forwarding the original body",
                    endpoint.path(), e.getClass().getName());
        }
        return RequestOutcome.failOpen(body);
    }

    private static void markUntouched(HttpServletResponse response) {
        response.setHeader(HEADER_COMPRESSED, "false");
        response.setHeader(HEADER_TOKENS_SAVED, "0");
    }
}
