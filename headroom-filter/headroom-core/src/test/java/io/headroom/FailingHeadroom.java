package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A real {@link Headroom} whose proxied path breaks its promise never to throw: {@code process} fails
 * with the request body in the exception message. The hosts' fail-open tests use it to check that the
 * original bytes go on and that the WARN line carries neither the body nor the message.
 */
public final class FailingHeadroom implements Headroom {
    private final Headroom delegate;

    public FailingHeadroom(Headroom delegate) {
        this.delegate = delegate;
    }

    @Override
    public HeadroomConfig config() {
        return delegate.config();
    }

    @Override
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride) {
        throw new IllegalStateException("cannot process " + new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public RequestOutcome process(Endpoint endpoint, byte[] body, Mode modeOverride, String tenantScope) {
        return process(endpoint, body, modeOverride);
    }

    @Override
    public CompressResult compress(JsonNode request) {
        return delegate.compress(request);
    }

    @Override
    public CompressResult compress(JsonNode request, String tenantScope) {
        return delegate.compress(request, tenantScope);
    }

    @Override
    public SimulationPlan simulate(JsonNode request) {
        return delegate.simulate(request);
    }

    @Override
    public RetrieveResult retrieve(String hash, String query) {
        return delegate.retrieve(hash, query);
    }

    @Override
    public RetrieveResult retrieve(String hash, String query, String tenantScope) {
        return delegate.retrieve(hash, query, tenantScope);
    }

    @Override
    public StatsSnapshot stats() {
        return delegate.stats();
    }

    @Override
    public boolean storeUsable() {
        return delegate.storeUsable();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
