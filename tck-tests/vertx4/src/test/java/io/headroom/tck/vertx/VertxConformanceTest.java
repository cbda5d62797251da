package io.headroom.tck.vertx;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;

/** The conformance contract in a plain Vert.x application (4.5 in tck-tests/vertx4, 5 in tck-tests/vertx5). */
class VertxConformanceTest extends ConformanceContract {
    @Override
    protected HostUnderTest newHost() {
        return new VertxHost();
    }
}
