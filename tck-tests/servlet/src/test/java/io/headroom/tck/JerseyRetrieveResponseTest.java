package io.headroom.tck;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in JAX-RS on Jersey 3.1: the filter does not offer the tool (RETRIEVE_TOOL_NOT_OFFERED). */
class JerseyRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return new JerseyHost();
    }
}
