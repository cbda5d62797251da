package io.headroom.servlet;

import io.headroom.BodyReadConfig;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.host.Admission;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.BodyBudget;
import io.headroom.host.BodyRewrite;
import io.headroom.host.BoundedBody;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import io.headroom.host.HttpStatuses;
import io.headroom.host.retrieve.RetrieveToolWithdrawal;
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
import java.util.Optional;

/**
 * Compresses LLM request bodies ({@code POST /v1/chat/completions}, {@code /v1/messages},
 * {@code /v1/responses}) before the application behind it sees them.
 *
 * <p>Configured by init-params named like the {@link HeadroomConfig} properties (e.g.
 * {@code mode}, {@code min-tokens-to-crush}, {@code max-body-bytes}), or registered programmatically
 * with a ready {@link Headroom}. Which requests are rewritten, and how, is the core's
 * {@link Admission} policy; this class only connects it to the servlet API. The body is read as it
 * arrives, at most {@code max-body-bytes}; beyond that the bytes read are replayed in front of the
 * rest of the stream. The response is wrapped only for a request that carries the injected
 * {@code headroom_retrieve} tool: the filter then answers the model's calls itself (the core's retrieve loop, the
 * chain run again with each follow-up), streamed (SSE) answers passing event by event; every other response flows
 * through as written. The {@code x-headroom-*} headers ({@link HeadroomHeaders}) are set before the chain runs
 * so they are present even when the application commits the response early.
 *
 * <p>Bodies held at once are bounded by {@code max-buffered-body-bytes} ({@link BodyReadConfig}; each counted by
 * its declared length, or {@code max-body-bytes} when none is declared, until the chain returned): a body that does
 * not fit goes on unread and uncompressed. A silent sender is cut off by the container's own idle timeout (Jetty
 * {@code idleTimeout}, Tomcat {@code connectionTimeout}); when that or any other failure interrupts the body read,
 * the filter answers 408 with a JSON error body and {@code Connection: close}.
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

    /** Answers the model's headroom_retrieve calls: the core loop ({@link CoreRetrieveRounds}). */
    private final RetrieveRounds.Starter retrieveLoop;
    /** The optional stats endpoint (init-param {@code stats.path}); null when off. */
    private volatile StatsEndpoint stats;

    /** The Headroom and its admission policy, published together. */
    record Admitted(Headroom headroom, Admission admission, BodyBudget budget, String cannotAnswer,
                            RetrieveToolWithdrawal withdrawal) {
        Admitted(Headroom headroom, BodyReadConfig bodyRead, String cannotAnswer) {
            this(headroom, Admission.of(headroom), new BodyBudget(bodyRead.maxBufferedBodyBytes()), cannotAnswer,
                    RetrieveToolWithdrawal.of(headroom.config()));
        }
    }

    /** For containers: the Headroom is built from the init-params in {@link #init(FilterConfig)}. */
    public HeadroomFilter() {
        this.retrieveLoop = CoreRetrieveRounds.STARTER;
    }

    /** For programmatic registration; the caller keeps ownership (and closes it). */
    public HeadroomFilter(Headroom headroom) {
        this(headroom, BodyReadConfig.defaults());
    }

    /** For programmatic registration with a budget of bodies held at once; the caller keeps ownership of headroom. */
    public HeadroomFilter(Headroom headroom, BodyReadConfig bodyRead) {
        this(headroom, bodyRead, CoreRetrieveRounds.STARTER);
    }

    /** With the retrieve loop {@code retrieveLoop}; null {@code headroom} builds one from the init-params. */
    HeadroomFilter(Headroom headroom, BodyReadConfig bodyRead, RetrieveRounds.Starter retrieveLoop) {
        this.retrieveLoop = Objects.requireNonNull(retrieveLoop, "retrieveLoop");
        if (headroom != null) {
            this.admitted = new Admitted(headroom, bodyRead, retrieveLoop.cannotAnswer(headroom.config()));
        }
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            stats = StatsEndpoint.fromInitParam(filterConfig.getInitParameter(StatsEndpoint.INIT_PARAM));
        } catch (IllegalArgumentException e) {
            throw new ServletException("Invalid Headroom configuration for filter '" + filterConfig.getFilterName()
                    + "': " + e.getMessage(), e);
        }
        if (admitted == null) {
            Headroom headroom;
            BodyReadConfig bodyRead;
            boolean globalMeters;
            String cannotAnswer;
            try {
                globalMeters = GlobalMeters.wanted(filterConfig::getInitParameter);
                bodyRead = BodyReadConfig.fromProperties(filterConfig::getInitParameter);
                HeadroomConfig config = HeadroomConfig.fromProperties(filterConfig::getInitParameter);
                cannotAnswer = retrieveLoop.cannotAnswer(config);
                if (cannotAnswer != null) {
                    // a call nobody answers would reach the client: do not offer the tool at all
                    config = config.toBuilder().ccr(c -> c.injectTool(false)).build();
                }
                headroom = Headroom.create(config);
            } catch (RuntimeException e) {
                throw new ServletException("Invalid Headroom configuration for filter '"
                        + filterConfig.getFilterName() + "': " + e.getMessage(), e);
            }
            admitted = new Admitted(headroom, bodyRead, cannotAnswer);
            ownsHeadroom = true;
            if (globalMeters) {
                GlobalMeters.bind(this);
            }
        }
        LOG.info("Headroom servlet filter '{}' {}; HTTP/2 requests are rewritten like HTTP/1.1 ones; {}.",
                filterConfig.getFilterName(), admitted.admission().describe(), retrieveDecision(admitted));
        if (stats != null) {
            LOG.info("Headroom servlet filter '{}' answers GET {} with its stats (loopback callers only)",
                    filterConfig.getFilterName(), stats.path());
        }
    }

    /** What the start-up line says about the model's headroom_retrieve calls. */
    private static String retrieveDecision(Admitted admitted) {
        if (admitted.cannotAnswer() != null) {
            return "it does not inject the headroom_retrieve tool, because it cannot answer the model's calls ("
                    + admitted.cannotAnswer() + ")";
        }
        if (!admitted.headroom().config().ccr().injectTool()) {
            return "the headroom_retrieve tool is not injected (ccr.inject-tool=false)";
        }
        return "it answers the model's headroom_retrieve calls itself by running the application again with each "
                + "follow-up (an application that goes asynchronous there is run to the end of its answer on the "
                + "request's thread)";
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
        StatsEndpoint statsEndpoint = stats;
        if (statsEndpoint != null && statsEndpoint.matches(request)) {
            statsEndpoint.answer(request, response, current.headroom(), current.admission());
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
                long size = BodyBudget.sizeToReserve(decision, request.getHeader("Content-Length"),
                        admission.maxBodyBytes() + 1, admission.maxBodyBytes());
                BodyBudget.Reservation reservation = current.budget().tryReserve(size);
                if (reservation == null) {
                    // no room to hold it: on unread, as without Headroom (fail open)
                    setHeaders(response, admission.busy(decision).responseHeaders());
                    chain.doFilter(req, res);
                    return;
                }
                try (reservation) {
                    BoundedBody body;
                    try {
                        body = BoundedBody.read(request.getInputStream(), admission.maxBodyBytes());
                    } catch (IOException e) {
                        answerReadFailure(response, e);
                        return;
                    }
                    // a body of unknown length reserved max-body-bytes + 1
                    reservation.shrinkTo(BodyBudget.heldFor(body.bytes().length, decision, admission.maxBodyBytes()));
                    BodyRewrite rewrite = admission.rewrite(current.headroom(), decision, body.bytes(), body.complete(), null);
                    setHeaders(response, rewrite.responseHeaders());
                    Optional<RetrieveRounds> loop = Optional.empty();
                    if (body.complete() && rewrite.changed()) {
                        if (answersCalls(current)) {
                            loop = startLoop(current, decision, rewrite);
                        } else {
                            // nobody would answer a call: take back the tool a Headroom passed in injected
                            rewrite = current.withdrawal().withdraw(rewrite, decision, body.bytes());
                        }
                    }
                    if (loop.isEmpty()) {
                        chain.doFilter(forwarded(request, body, rewrite), response);
                        return;
                    }
                    RetrieveExchange exchange = new RetrieveExchange(request, rewrite.decoded(), response,
                            rewrite.responseHeaders(), loop.get());
                    exchange.run(chain, forwarded(request, body, rewrite));
                }
            }
        }
    }

    /** The filter's Headroom and admission policy, for {@link FilterMeters}. */
    Admitted admittedOrThrow() {
        Admitted current = admitted;
        if (current == null) {
            throw new IllegalStateException("the filter has no Headroom yet: bind its meters after init");
        }
        return current;
    }

    private boolean answersCalls(Admitted current) {
        return current.cannotAnswer() == null;
    }

    private Optional<RetrieveRounds> startLoop(Admitted current, AdmissionDecision decision, BodyRewrite rewrite) {
        try {
            return retrieveLoop.start(current.headroom(), decision.endpoint(), rewrite.body(), null);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Headroom could not start the retrieve loop for POST {} ({}); forwarding without it",
                    decision.endpoint().path(), e.getClass().getName());
            return Optional.empty();
        }
    }

    /** Body bytes this filter holds right now (by declared length); never above {@code max-buffered-body-bytes}. */
    public long bufferedBytes() {
        Admitted current = admitted;
        return current == null ? 0 : current.budget().reserved();
    }

    /** The body read broke off (the container's idle timeout, or the client went away): 408, JSON, connection closed. */
    private static void answerReadFailure(HttpServletResponse response, IOException cause) throws IOException {
        LOG.warn("Headroom stopped reading a request body ({}); answering 408", cause.getClass().getName());
        if (response.isCommitted()) {
            return;
        }
        byte[] body = ErrorBodies.bodyStoppedArriving();
        response.reset();
        response.setStatus(HttpStatuses.of(ErrorType.REQUEST_TIMEOUT));
        response.setContentType(ErrorBodies.CONTENT_TYPE);
        response.setHeader("Connection", "close");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException | IllegalStateException e) {
            // the connection is gone already: nobody to answer
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
