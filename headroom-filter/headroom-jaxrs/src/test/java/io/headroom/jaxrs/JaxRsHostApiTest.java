package io.headroom.jaxrs;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

class JaxRsHostApiTest {
    @Test
    void usesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.jaxrs");
    }
}
