package io.headroom.sample.architecture;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

/** The gateway is one host among others: the core's API is all it may use. */
class GatewayHostApiTest {
    @Test
    void usesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.sample");
    }
}
