package io.headroom.vertx;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

class VertxHostApiTest {
    @Test
    void usesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.vertx");
    }
}
