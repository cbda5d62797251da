package io.headroom.tck.vertx;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;

/** The response-side contract in a plain Vert.x application (4.5 here, 5 in tck-tests/vertx5) that forwards with RetrieveRelay and tells HeadroomHandler answersRetrieveCalls(true). */
class VertxRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return VertxHost.answeringRetrieveCalls();
    }
}
