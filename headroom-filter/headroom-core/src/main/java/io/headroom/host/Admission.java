package io.headroom.host;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one admission policy of every host: which requests Headroom rewrites, which it leaves alone (and
 * why), and how a read body becomes the body that is forwarded. A host supplies the request line and a
 * header lookup, reads the body when told to, and applies the {@link BodyRewrite}; the rules live here.
 *
 * <ul>
 *   <li>Only {@code POST} to an {@link Endpoint} path is considered (also under a prefix, and a host may narrow
 *       it to configured paths); everything else is ignored (no header).</li>
 *   <li>{@code x-headroom-bypass: true}, a body that is not JSON in UTF-8, a {@code Content-Encoding} other
 *       than identity, gzip or deflate, and a declared length over {@code max-body-bytes} pass through
 *       untouched, each counted by its {@link PassReason}.</li>
 *   <li>gzip/deflate bodies are decoded within {@code max-body-bytes} and a {@value BodyEncoding#DEFAULT_MAX_RATIO}x
 *       ratio; a rewritten one goes on decoded, an unchanged one exactly as the client encoded it.</li>
 *   <li>{@code x-headroom-mode} overrides the configured mode for one request; an unknown value is ignored.</li>
 * </ul>
 *
 * <p>{@link #rewrite} never throws: whatever fails inside, the host forwards the bytes it received. One
 * instance per host (filter, handler, extension); thread-safe.
 */
public final class Admission {
    private static final HeadroomLog LOG = HeadroomLog.of(Admission.class);

    private final long maxBodyBytes;
    /** Path suffixes a request must end with; empty means every {@link Endpoint} path. */
    private final List<String> paths;
    private final Map<PassReason, LongAdder> passed = new EnumMap<>(PassReason.class);

    private Admission(long maxBodyBytes, List<String> paths) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max-body-bytes must be > 0");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.paths = paths;
        for (PassReason r : PassReason.values()) {
            passed.put(r, new LongAdder());
        }
    }

    /** The policy for {@code headroom}'s configuration. */
    public static Admission of(Headroom headroom) {
        return new Admission(Objects.requireNonNull(headroom, "headroom").config().limits().maxBodyBytes(), List.of());
    }

    /**
     * The policy for {@code headroom}'s configuration, narrowed to requests whose path equals or ends with one
     * of {@code paths} (e.g. a Quarkus application's {@code quarkus.headroom.paths}); a path still has to
     * address an {@link Endpoint}. Blank entries and trailing slashes are ignored.
     */
    public static Admission of(Headroom headroom, Collection<String> paths) {
        List<String> suffixes = paths.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(Admission::withoutTrailingSlash).toList();
        if (suffixes.isEmpty()) {
            throw new IllegalArgumentException("paths must name at least one path");
        }
        return new Admission(Objects.requireNonNull(headroom, "headroom").config().limits().maxBodyBytes(), suffixes);
    }

    /** The most body bytes a host reads before it stops and forwards what it has unchanged. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** What this policy rewrites, for the line each host logs at start-up. */
    public String describe() {
        String paths = Arrays.stream(Endpoint.values()).map(Endpoint::path).collect(Collectors.joining(", "));
        return "rewrites JSON bodies (identity, gzip or deflate) of POST " + paths + " up to " + maxBodyBytes
                + " bytes; every other request passes through untouched";
    }

    /**
     * Decides from the request line and headers alone.
     *
     * @param method  the HTTP method
     * @param path    the request path (a gateway prefix before {@code /v1/...} is fine)
     * @param headers looks a request header up by name, case-insensitively; null when absent
     */
    public AdmissionDecision decide(String method, String path, Function<String, String> headers) {
        if (!"POST".equals(method)) {
            return AdmissionDecision.ignore();
        }
        Optional<Endpoint> endpoint = Endpoint.forPath(path);
        if (endpoint.isEmpty() || !configured(path)) {
            return AdmissionDecision.ignore();
        }
        Endpoint e = endpoint.get();
        if ("true".equalsIgnoreCase(trimmed(headers.apply(HeadroomHeaders.BYPASS)))) {
            return pass(e, PassReason.BYPASS);
        }
        if (!JsonContentType.rewritable(headers.apply("Content-Type"))) {
            return pass(e, PassReason.CONTENT_TYPE);
        }
        String contentEncoding = headers.apply("Content-Encoding");
        Optional<BodyEncoding> encoding = BodyEncoding.of(contentEncoding);
        if (encoding.isEmpty() && !BodyEncoding.isIdentity(contentEncoding)) {
            return pass(e, PassReason.CONTENT_ENCODING);
        }
        if (declaredLength(headers.apply("Content-Length")) > maxBodyBytes) {
            return pass(e, PassReason.TOO_LARGE);
        }
        return AdmissionDecision.read(e, modeOverride(headers.apply(HeadroomHeaders.MODE)), encoding.orElse(null));
    }

    /**
     * Turns the body a host read into the body it forwards.
     *
     * @param received    the bytes as they arrived (still encoded when the client encoded them)
     * @param complete    false when the host stopped reading at {@link #maxBodyBytes()}; the bytes then go on as
     *                    they are (the host appends the rest of the stream)
     * @param tenantScope the caller's CCR scope ({@link TenantScope}), or null for the shared one
     */
    public BodyRewrite rewrite(Headroom headroom, AdmissionDecision decision, byte[] received, boolean complete,
                               String tenantScope) {
        if (!decision.readBody()) {
            throw new IllegalArgumentException("rewrite needs a READ_BODY decision, got " + decision.action());
        }
        if (!complete) {
            count(PassReason.TOO_LARGE);
            return BodyRewrite.asSent(received);
        }
        byte[] json = received;
        if (decision.encoding() != null) {
            Optional<byte[]> decoded = decision.encoding().decode(received, maxBodyBytes, BodyEncoding.DEFAULT_MAX_RATIO);
            if (decoded.isEmpty()) {
                count(PassReason.UNDECODABLE);
                return BodyRewrite.asSent(received);
            }
            json = decoded.get();
        }
        RequestOutcome outcome = process(headroom, decision, json, tenantScope);
        if (outcome.failedOpen()) {
            count(PassReason.FAILED_OPEN);
        } else if (outcome.deadlineExceeded()) {
            count(PassReason.DEADLINE);
        }
        Map<String, String> headers = HeadroomHeaders.of(outcome);
        if (!outcome.bodyChanged()) {
            // nothing rewritten: the application gets the body exactly as the client sent (and encoded) it
            return new BodyRewrite(received, false, false, headers, outcome);
        }
        return new BodyRewrite(outcome.body(), true, decision.encoding() != null, headers, outcome);
    }

    /**
     * The pass-through a host turns a {@code READ_BODY} decision into when its {@link BodyBudget} has no room
     * for the body: the request goes on unread and uncompressed (fail open). Counted as {@link PassReason#BUSY}.
     */
    public AdmissionDecision busy(AdmissionDecision decision) {
        if (!decision.readBody()) {
            throw new IllegalArgumentException("busy needs a READ_BODY decision, got " + decision.action());
        }
        return pass(decision.endpoint(), PassReason.BUSY);
    }

    /** Requests passed through untouched since start, by reason. */
    public Map<PassReason, Long> passedThrough() {
        Map<PassReason, Long> out = new EnumMap<>(PassReason.class);
        passed.forEach((reason, n) -> out.put(reason, n.sum()));
        return out;
    }

    private AdmissionDecision pass(Endpoint endpoint, PassReason reason) {
        count(reason);
        return AdmissionDecision.pass(endpoint, reason);
    }

    private void count(PassReason reason) {
        passed.get(reason).increment();
    }

    /** The facade promises not to throw; this guards the request should it break that promise. */
    private static RequestOutcome process(Headroom headroom, AdmissionDecision decision, byte[] json, String scope) {
        try {
            RequestOutcome outcome = headroom.process(decision.endpoint(), json, decision.modeOverride(), scope);
            if (outcome != null && outcome.body() != null) {
                return outcome;
            }
            LOG.warn("Headroom returned no outcome for POST {}; forwarding the original body", decision.endpoint().path());
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // Errors too: a library assertion (with -ea) or a missing class must not cost the request
            LOG.warn("Headroom failed for POST {} ({}); forwarding the original body",
                    decision.endpoint().path(), e.getClass().getName());
        }
        return RequestOutcome.failOpen(json);
    }

    private static Mode modeOverride(String value) {
        try {
            return Mode.parse(value, null);
        } catch (IllegalArgumentException e) {
            return null; // an unknown mode keeps the configured one rather than failing the request
        }
    }

    /** The declared {@code Content-Length}, or -1 when absent or not a number (the read limit still holds). */
    private static long declaredLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean configured(String path) {
        if (paths.isEmpty()) {
            return true;
        }
        String p = withoutTrailingSlash(path);
        for (String suffix : paths) {
            if (p.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
