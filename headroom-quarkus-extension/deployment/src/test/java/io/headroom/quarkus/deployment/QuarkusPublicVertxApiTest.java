package io.headroom.quarkus.deployment;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

/**
 * The extension (runtime and deployment) is a host like the others: the core's API only, and the Vert.x public
 * API only (no {@code io.vertx..impl} or {@code ..internal} package, no {@code *Internal} type).
 */
class QuarkusPublicVertxApiTest {

    @Test
    void extensionUsesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.quarkus");
    }
}
