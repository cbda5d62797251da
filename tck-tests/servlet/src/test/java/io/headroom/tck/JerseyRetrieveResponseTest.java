package io.headroom.tck;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in JAX-RS on Jersey 3.1: the filter answers the calls with loopback follow-ups. */
class JerseyRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return new JerseyHost();
    }
}
