package io.headroom.servlet;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

class ServletHostApiTest {
    @Test
    void usesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.servlet");
    }
}
