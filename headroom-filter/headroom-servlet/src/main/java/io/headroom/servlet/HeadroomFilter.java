package io.headroom.servlet;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.host.Admission;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.BodyRewrite;
import io.headroom.host.BoundedBody;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Compresses LLM request bodies ({@code POST /v1/chat/completions}, {@code /v1/messages},
 * {@code /v1/responses}) before the application behind it sees them.
 *
 * <p>Configured by init-params named like the {@link HeadroomConfig} properties (e.g.
 * {@code mode}, {@code min-tokens-to-crush}, {@code max-body-bytes}), or registered programmatically
 * with a ready {@link Headroom}. Which requests are rewritten, and how, is the core's
 * {@link Admission} policy; this class only connects it to the servlet API. The body is read as it
 * arrives, at most {@code max-body-bytes}; beyond that the bytes read are replayed in front of the
 * rest of the stream. The response is never wrapped, so streamed (SSE) answers flow through as
 * written; the {@code x-headroom-*} headers ({@link HeadroomHeaders}) are set before the chain runs
 * so they are present even when the application commits the response early.
 *
 * <p>Fails open: if Headroom itself fails, the original bytes are forwarded and one WARN line is
 * logged. Errors from the application (the rest of the chain) propagate unchanged.
 */
public class HeadroomFilter implements Filter {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomFilter.class);
    /** Marks a request already handled, so a forward or include does not process it twice. */
    private static final String HANDLED = HeadroomFilter.class.getName() + ".handled";

    /** Set in init, read by request threads. */
    private volatile Admitted admitted;
    private volatile boolean ownsHeadroom;

    /** The Headroom and its admission policy, published together. */
    private record Admitted(Headroom headroom, Admission admission) {
        Admitted(Headroom headroom) {
            this(headroom, Admission.of(headroom));
        }
    }

    /** For containers: the Headroom is built from the init-params in {@link #init(FilterConfig)}. */
    public HeadroomFilter() {
    }

    /** For programmatic registration; the caller keeps ownership (and closes it). */
    public HeadroomFilter(Headroom headroom) {
        this.admitted = new Admitted(Objects.requireNonNull(headroom, "headroom"));
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (admitted == null) {
            Headroom headroom;
            try {
                headroom = Headroom.create(HeadroomConfig.fromProperties(filterConfig::getInitParameter));
            } catch (RuntimeException e) {
                throw new ServletException("Invalid Headroom configuration for filter '"
                        + filterConfig.getFilterName() + "': " + e.getMessage(), e);
            }
            admitted = new Admitted(headroom);
            ownsHeadroom = true;
        }
        LOG.info("Headroom servlet filter '{}' {}; HTTP/2 requests are rewritten like HTTP/1.1 ones. Not done by the "
                        + "filter: answering the model's headroom_retrieve tool calls (they reach the application, "
                        + "which can serve them with Headroom#retrieve).",
                filterConfig.getFilterName(), admitted.admission().describe());
    }

    @Override
    public void destroy() {
        Admitted current = admitted;
        if (ownsHeadroom && current != null) {
            current.headroom().close();
            admitted = null;
            ownsHeadroom = false;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Admitted current = admitted;
        if (current == null || !(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response) || request.getAttribute(HANDLED) != null) {
            chain.doFilter(req, res);
            return;
        }
        Admission admission = current.admission();
        AdmissionDecision decision = admission.decide(request.getMethod(), RequestTarget.path(request), request::getHeader);
        switch (decision.action()) {
            case IGNORE -> chain.doFilter(req, res);
            case PASS_THROUGH -> {
                request.setAttribute(HANDLED, Boolean.TRUE);
                setHeaders(response, decision.responseHeaders());
                chain.doFilter(req, res);
            }
            case READ_BODY -> {
                request.setAttribute(HANDLED, Boolean.TRUE);
                BoundedBody body = BoundedBody.read(request.getInputStream(), admission.maxBodyBytes());
                BodyRewrite rewrite = admission.rewrite(current.headroom(), decision, body.bytes(), body.complete(), null);
                setHeaders(response, rewrite.responseHeaders());
                chain.doFilter(forwarded(request, body, rewrite), response);
            }
        }
    }

    /** The request the application sees: the rewritten body, or the received bytes (and the rest of the stream). */
    private static HttpServletRequest forwarded(HttpServletRequest request, BoundedBody body, BodyRewrite rewrite) {
        if (!body.complete()) {
            return new ReplayingRequest(request, body.bytes());
        }
        return new CachedBodyRequest(request, rewrite.body(), rewrite.decoded());
    }

    private static void setHeaders(HttpServletResponse response, Map<String, String> headers) {
        headers.forEach(response::setHeader);
    }
}
